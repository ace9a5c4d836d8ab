using System.Text.RegularExpressions;
using Functional.Symbolic;

namespace Functional.Core.Tests;

/// <summary>ToExpr and ToDot: the trace as a symbolic expression and as a Graphviz graph.</summary>
public partial class TraceOutputTests
{
    private static Scalar Seed(Scalar[] x) => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);

    [Theory]
    [InlineData(0.3, -0.8, 1.2)]
    [InlineData(-1.1, 0.4, 0.05)]
    public void ToExpr_evaluates_and_differentiates_to_the_same_numbers(double a, double b, double c)
    {
        var traced = Trace(TraceTestFunctions.Mixed, [0.5, 0.5, 0.5]);
        var expression = traced.ToExpr("a", "b", "c");
        var at = new Dictionary<string, double> { ["a"] = a, ["b"] = b, ["c"] = c };
        var gradient = new double[3];
        var value = traced.ValueAndGrad([a, b, c], gradient);
        Assert.Equal(value, expression.Evaluate(at), 1e-12);
        var symbolic = expression.Gradient("a", "b", "c");
        for (var i = 0; i < 3; i++) Assert.Equal(gradient[i], symbolic[i].Evaluate(at), 1e-11);
        Assert.Equal(value, Expr.Parse(expression.ToString()).Evaluate(at), 1e-12);
    }

    [Fact]
    public void ToExpr_of_the_seed_prints_as_the_seed_function()
    {
        var expression = Trace(Seed, [1.0, 2.0]).ToExpr("x1", "x2");
        var expected = Expr.Parse("x1*x2 + exp(x1*x2) - sin(x2)");
        var at = new Dictionary<string, double> { ["x1"] = 0.7, ["x2"] = -0.3 };
        Assert.Equal(expected.Evaluate(at), expression.Evaluate(at), 1e-14);
        Assert.Equal(expected.Diff("x2").Evaluate(at), expression.Diff("x2").Evaluate(at), 1e-14);
        Assert.Contains("exp", expression.ToString());
    }

    [Fact]
    public void ToExpr_needs_one_name_per_input()
    {
        var traced = Trace(Seed, [1.0, 2.0]);
        Assert.Contains("2 variable names", Assert.Throws<ArgumentException>(() => traced.ToExpr("x")).Message);
        Assert.Throws<ArgumentNullException>(() => traced.ToExpr(null!));
    }

    [GeneratedRegex(@"^\s*(\w+)\s*\[(.*)\];\s*$")]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"^\s*(\w+)\s*->\s*(\w+)(\s*\[.*\])?;\s*$")]
    private static partial Regex EdgeLine();

    [Fact]
    public void ToDot_is_a_well_formed_graph_with_each_value_and_gradient()
    {
        var traced = Trace(x => x[0] > 0 ? Seed(x) : x[1], [1.0, 2.0]);
        var dot = traced.ToDot();
        var lines = dot.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("digraph trace {", lines[0]);
        Assert.Equal("}", lines[^1].Trim());
        var nodes = new HashSet<string>();
        var edges = new List<(string From, string To)>();
        foreach (var line in lines[1..^1])
        {
            if (line.Trim() is "rankdir=LR;" || line.TrimStart().StartsWith("node [")) continue;
            if (EdgeLine().Match(line) is { Success: true } edge) edges.Add((edge.Groups[1].Value, edge.Groups[2].Value));
            else if (NodeLine().Match(line) is { Success: true } node) Assert.True(nodes.Add(node.Groups[1].Value), $"node declared twice: {line}");
            else Assert.Fail($"not a DOT statement: {line}");
        }
        foreach (var (from, to) in edges)
        {
            Assert.Contains(from, nodes);
            Assert.Contains(to, nodes);
        }
        // one value node and one operation node per instruction, one per input, a guard
        Assert.Equal(traced.Operations, nodes.Count(n => n.StartsWith("op")));
        Assert.Single(nodes, n => n.StartsWith("guard"));
        // each input shows its value and ∂f/∂input (16.778 and 8.8052 at the seed point)
        Assert.Contains("x[0] | value 1 | grad 16.7781", dot);
        Assert.Contains("x[1] | value 2 | grad 8.8052", dot);
        Assert.Equal(dot.Count(c => c == '{'), dot.Count(c => c == '}'));
    }

    [Fact]
    public void ToDot_shows_the_last_point_evaluated()
    {
        var traced = Trace(Seed, [1.0, 2.0]);
        traced.Value([0.0, 0.0]);
        var dot = traced.ToDot();
        Assert.Contains("x[0] | value 0 | grad 0 }", dot);
        Assert.Contains("x[1] | value 0 | grad -1 }", dot);
    }
}
