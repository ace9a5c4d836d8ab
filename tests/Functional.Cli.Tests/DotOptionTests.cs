namespace Functional.Cli.Tests;

/// <summary><c>functional diff ... --dot out.dot</c> writes the traced graph.</summary>
public class DotOptionTests
{
    [Fact]
    public void Dot_writes_the_traced_graph_with_values_and_gradients_after_the_report()
    {
        var path = Path.Combine(Path.GetTempPath(), $"functional-{Guid.NewGuid():N}.dot");
        try
        {
            var run = CliRunner.InProcess("diff", "x1*x2 + exp(x1*x2) - sin(x2)", "--at", "x1=1,x2=2", "--dot", path);
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("largest disagreement", run.Stdout);
            var dot = File.ReadAllText(path);
            Assert.StartsWith("digraph trace {", dot);
            Assert.Contains("x[0] | value 1 | grad 16.7781 }", dot);
            Assert.Contains("x[1] | value 2 | grad 8.8052 }", dot);
            Assert.Contains("label=\"exp\"", dot);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unwritable_dot_path_is_one_line_on_stderr_and_a_non_zero_exit()
    {
        var run = CliRunner.InProcess("diff", "x*y", "--at", "x=1,y=2", "--dot", Path.Combine(Path.GetTempPath(), "no-such-directory-4711", "a.dot"));
        Assert.Equal(Cli.BadInput, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("cannot write the graph", run.Stderr);
    }

    [Fact]
    public void Without_dot_no_graph_is_written_and_bad_input_still_fails_first()
    {
        var path = Path.Combine(Path.GetTempPath(), $"functional-{Guid.NewGuid():N}.dot");
        var run = CliRunner.InProcess("diff", "x*", "--at", "x=1", "--dot", path);
        Assert.Equal(Cli.BadInput, run.ExitCode);
        Assert.False(File.Exists(path));
    }
}
