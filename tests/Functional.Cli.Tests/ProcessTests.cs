namespace Functional.Cli.Tests;

/// <summary>End to end: the built tool, run as a process, against closed forms.</summary>
public class ProcessTests
{
    public static TheoryData<string, string, double, double[], double[,]> ClosedForms()
    {
        var e2 = Math.Exp(2);
        double x = 0.3, y = 0.7, a = 1.5, b = 0.5;
        var o = Math.Tanh(2 * -3 + 0 * 1 + 6.8813735870195432);
        var s = 1 - o * o;
        return new()
        {
            { "x1*x2 + exp(x1*x2) - sin(x2)", "x1=1,x2=2", 8.47975867210497, [16.7781121978613, 8.805202935477793],
                new[,] { { 4 * e2, 1 + 3 * e2 }, { 1 + 3 * e2, e2 + Math.Sin(2) } } },
            { "sin(x)*cos(y)", "x=0.3,y=0.7", Math.Sin(x) * Math.Cos(y), [Math.Cos(x) * Math.Cos(y), -Math.Sin(x) * Math.Sin(y)],
                new[,] { { -Math.Sin(x) * Math.Cos(y), -Math.Cos(x) * Math.Sin(y) }, { -Math.Cos(x) * Math.Sin(y), -Math.Sin(x) * Math.Cos(y) } } },
            { "x^3 + 2*x*y^2 - log(y)", "x=1.5,y=0.5", a * a * a + 2 * a * b * b - Math.Log(b), [3 * a * a + 2 * b * b, 4 * a * b - 1 / b],
                new[,] { { 6 * a, 4 * b }, { 4 * b, 4 * a + 1 / (b * b) } } },
            { "sqrt(x^2 + y^2)", "x=3,y=4", 5, [0.6, 0.8], new[,] { { 16 / 125.0, -12 / 125.0 }, { -12 / 125.0, 9 / 125.0 } } },
            { "tanh(x1*w1 + x2*w2 + b)", "x1=2,w1=-3,x2=0,w2=1,b=6.8813735870195432", o, [-3 * s, 2 * s, 1 * s, 0, s],
                TanhHessian(o) },
        };
    }

    /// <summary>∂²/∂pᵢ∂pⱼ tanh(n) = −2o(1−o²)·nᵢnⱼ + (1−o²)·nᵢⱼ for p = (x1, w1, x2, w2, b),
    /// n = x1·w1 + x2·w2 + b, so ∂n/∂p = (w1, x1, w2, x2, 1) and nᵢⱼ = 1 for the pairs (x1, w1), (x2, w2).</summary>
    private static double[,] TanhHessian(double o)
    {
        double[] dn = [-3, 2, 1, 0, 1];
        var s = 1 - o * o;
        var h = new double[5, 5];
        for (var i = 0; i < 5; i++)
            for (var j = 0; j < 5; j++)
                h[i, j] = -2 * o * s * dn[i] * dn[j] + (i / 2 == j / 2 && i != j && i < 4 && j < 4 ? s : 0);
        return h;
    }

    [Theory]
    [MemberData(nameof(ClosedForms))]
    public void The_built_tool_matches_closed_forms_by_every_method(string expr, string at, double value, double[] gradient, double[,] hessian)
    {
        var r = CliRunner.AsProcess("diff", expr, "--at", at, "--hessian", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("", r.Stderr);
        Agreement.MatchesClosedForm(r.Json, value, gradient, hessian, expr);
    }

    [Fact]
    public void The_readme_command_prints_the_four_way_comparison()
    {
        var r = CliRunner.AsProcess("diff", "x1*x2 + exp(x1*x2) - sin(x2)", "--at", "x1=1,x2=2", "--hessian");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("value: 8.47975867210497", r.Stdout);
        foreach (var word in new[] { "forward", "reverse", "symbolic", "numeric", "largest disagreement", "Hessian, forward-over-reverse" })
            Assert.Contains(word, r.Stdout);
    }

    [Theory]
    [InlineData(new[] { "diff", "x1*(x2", "--at", "x1=1,x2=2" }, 1, "position")]
    [InlineData(new[] { "diff", "x*y", "--at", "x=1" }, 1, "'y'")]
    [InlineData(new[] { "diff", "cosh(x) + frob(x)", "--at", "x=1" }, 1, "unknown function 'frob'")]
    [InlineData(new[] { "differentiate" }, 2, "unknown command")]
    public void The_built_tool_reports_bad_input_on_one_line(string[] args, int exitCode, string mention)
    {
        var r = CliRunner.AsProcess(args);
        Assert.Equal(exitCode, r.ExitCode);
        var line = Assert.Single(r.ErrorLines);
        Assert.Contains(mention, line);
        Assert.DoesNotContain("Exception", r.Stderr);
    }

    [Fact]
    public void The_built_tool_prints_help_with_exit_0()
    {
        var r = CliRunner.AsProcess("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("diff", r.Stdout);
    }

    [Fact]
    public void A_few_random_expressions_agree_through_the_process()
    {
        var random = new Random(2024);
        for (var k = 0; k < 3; k++)
        {
            var (expr, at) = RandomExpressions.Next(random);
            var r = CliRunner.AsProcess("diff", expr, "--at", at, "--json", "--hessian");
            Assert.True(r.ExitCode == 0, $"{expr}: {r.Stderr}");
            Agreement.MethodsAgree(r.Json, expr);
        }
    }
}
