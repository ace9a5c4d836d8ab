using Functional.Seeds;

namespace Functional.Cli.Tests;

/// <summary>The trace-graph sample replays the neuron's gradient and writes its graph.</summary>
public class TraceSampleTests
{
    [Fact]
    public void The_trace_graph_sample_writes_the_neurons_graph_with_its_gradient()
    {
        using var output = new StringWriter();
        Example.All.Single(e => e.Name == "trace-graph").Run(output);
        var text = output.ToString();
        Assert.Contains("5 operations: tanh(", text);
        Assert.Contains("o, replayed         = 0.70710678118654", text);
        Assert.Contains("gradient, replayed  = [-1.49999999999999", text);
        var dot = File.ReadAllText("trace.dot");
        Assert.StartsWith("digraph trace {", dot);
        Assert.Contains("x[0] | value 2 | grad -1.5 }", dot);
        Assert.Contains("label=\"tanh\"", dot);
    }
}
