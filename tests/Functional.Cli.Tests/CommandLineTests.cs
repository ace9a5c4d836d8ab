namespace Functional.Cli.Tests;

/// <summary>Argument parsing, help, and every error path, through <see cref="Cli.Run"/> in-process.</summary>
public class CommandLineTests
{
    private const string Seed = "x1*x2 + exp(x1*x2) - sin(x2)";

    private static void AssertOneLineError(CliOutput r, int exitCode, params string[] mentions)
    {
        Assert.Equal(exitCode, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.DoesNotContain("Exception", line);
        Assert.DoesNotContain(" at Functional.", line);
        foreach (var m in mentions) Assert.Contains(m, line);
    }

    [Fact]
    public void Help_prints_usage_and_exits_0()
    {
        var r = CliRunner.InProcess("--help");
        Assert.Equal(Cli.Success, r.ExitCode);
        Assert.Contains("Usage:", r.Stdout);
        Assert.Contains("diff <expr>", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Diff_help_lists_its_options_and_exits_0()
    {
        var r = CliRunner.InProcess("diff", "--help");
        Assert.Equal(Cli.Success, r.ExitCode);
        foreach (var option in new[] { "--at", "--hessian", "--json", "<expr>" }) Assert.Contains(option, r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void No_command_prints_usage_and_fails()
    {
        var r = CliRunner.InProcess();
        AssertOneLineError(r, Cli.UsageError, "no command");
        Assert.Contains("Usage:", r.Stdout);
    }

    [Fact]
    public void Unknown_command_prints_usage_and_fails()
    {
        var r = CliRunner.InProcess("integrate", "x");
        AssertOneLineError(r, Cli.UsageError, "unknown command 'integrate'");
        Assert.Contains("Usage:", r.Stdout);
    }

    [Theory]
    [InlineData(new[] { "diff" }, "Required argument missing")]
    [InlineData(new[] { "diff", "x", "--at" }, "--at")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--bogus" }, "--bogus")]
    [InlineData(new[] { "diff", "x", "y", "--at", "x=1" }, "'y'")]
    public void A_command_line_that_does_not_parse_fails_with_one_line(string[] args, string mention) =>
        AssertOneLineError(CliRunner.InProcess(args), Cli.UsageError, mention);

    [Theory]
    [InlineData("x1*x2 +", "x1=1,x2=2", "position 7")]
    [InlineData("x1*(x2", "x1=1,x2=2", "position")]
    [InlineData("x1 $ x2", "x1=1,x2=2", "position 3")]
    [InlineData("foo(x1)", "x1=1", "unknown function 'foo'")]
    [InlineData(Seed, "x1=1", "'x2'")]
    [InlineData(Seed, "x1=1,x1=2,x2=2", "'x1' twice")]
    [InlineData(Seed, "x1=1,x2=abc", "'abc' is not a number")]
    [InlineData(Seed, "x1=1,x2=1.2.3", "'1.2.3' is not a number")]
    [InlineData(Seed, "x1=1,x2=", "'' is not a number")]
    [InlineData(Seed, "x1=1,x2=nan", "finite")]
    [InlineData(Seed, "x1=1,x2=1e999", "finite")]
    [InlineData(Seed, "x1=1,x2", "not of the form name=value")]
    [InlineData(Seed, "x1=1,,x2=2", "empty entry")]
    [InlineData(Seed, "x1=1,2x=2", "not a variable name")]
    [InlineData(Seed, "=1", "not a variable name")]
    public void Bad_input_fails_with_one_line_and_no_stack_trace(string expr, string at, string mention)
    {
        var r = CliRunner.InProcess("diff", expr, "--at", at);
        AssertOneLineError(r, Cli.BadInput, mention);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_missing_variable_without_at_names_it()
    {
        AssertOneLineError(CliRunner.InProcess("diff", "x*y"), Cli.BadInput, "'x', 'y'", "--at");
    }

    [Fact]
    public void At_may_be_repeated()
    {
        var once = CliRunner.InProcess("diff", Seed, "--at", "x1=1,x2=2", "--json");
        var twice = CliRunner.InProcess("diff", Seed, "--at", "x1=1", "--at", "x2=2", "--json");
        Assert.Equal(Cli.Success, twice.ExitCode);
        Assert.Equal(once.Stdout, twice.Stdout);
    }

    [Fact]
    public void Arrays_follow_the_order_of_at()
    {
        var r = CliRunner.InProcess("diff", Seed, "--at", "x2=2,x1=1", "--json", "--hessian").Json;
        Assert.Equal(["x2", "x1"], r.GetProperty("vars").EnumerateArray().Select(v => v.GetString()!));
        var g = Json.Vector(r.GetProperty("gradient").GetProperty("reverse"));
        Assert.Equal(8.805202935477793, g[0], 12);
        Assert.Equal(16.7781121978613, g[1], 12);
        var h = Json.Matrix(r.GetProperty("hessian").GetProperty("symbolic"));
        var e2 = Math.Exp(2);
        Assert.Equal(e2 + Math.Sin(2), h[0, 0], 9);     // d²/dx2² = x1² e^(x1 x2) + sin x2
        Assert.Equal(1 + 3 * e2, h[0, 1], 9);           // d²/dx2dx1 = 1 + (1 + x1 x2) e^(x1 x2)
        Assert.Equal(4 * e2, h[1, 1], 9);               // d²/dx1² = x2² e^(x1 x2)
        Assert.Equal(["x2", "x1"], Json.Keys(r.GetProperty("derivatives")));
    }

    [Fact]
    public void A_variable_of_at_that_the_expression_does_not_use_has_derivative_0()
    {
        var r = CliRunner.InProcess("diff", "x^2", "--at", "x=3,y=5", "--json").Json;
        Assert.Equal([6.0, 0.0], Json.Vector(r.GetProperty("gradient").GetProperty("forward")));
        Assert.Equal("0", r.GetProperty("derivatives").GetProperty("y").GetString());
    }

    [Fact]
    public void An_expression_that_starts_with_a_minus_is_an_expression_not_an_option()
    {
        var r = CliRunner.InProcess("diff", "-x^2", "--at", "x=3", "--json");
        Assert.Equal(Cli.Success, r.ExitCode);
        Assert.Equal(-9, Json.Number(r.Json.GetProperty("value")));
    }

    [Fact]
    public void Negative_and_exponent_values_parse()
    {
        var r = CliRunner.InProcess("diff", "x*y", "--at", "x=-2.5,y=1e-3", "--json").Json;
        Assert.Equal(-2.5e-3, Json.Number(r.GetProperty("value")), 15);
    }
}
