using System.Globalization;

namespace Functional.Cli.Tests;

/// <summary>The traps a new user fell into (issue 15): a shadowed constant, an empty option value,
/// line breaks echoed into error messages, a disagreement that exited 0, a usage naming the wrong command.</summary>
public class UserTrapTests
{
    private const string Seed = "x1*x2 + exp(x1*x2) - sin(x2)";

    /// <summary>Exactly one line on standard error: a single trailing newline and no other character
    /// that a terminal or a line-oriented reader would take as a line break.</summary>
    private static string SingleErrorLine(CliOutput r)
    {
        Assert.EndsWith(Environment.NewLine, r.Stderr);
        var line = r.Stderr[..^Environment.NewLine.Length];
        foreach (var c in line)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            Assert.False(category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator,
                $"standard error contains U+{(int)c:X4}: {line}");
        }
        Assert.DoesNotContain("Exception", line);
        return line;
    }

    [Theory]
    [InlineData("e*x", "e=2,x=1", "'e' is Euler's number")]
    [InlineData("pi*x", "x=1,pi=3", "'pi' is the constant")]
    [InlineData("x", "x=1,inf=3", "'inf' is the constant")]
    [InlineData("x", "x=1,sin=3", "'sin' is a function name")]
    public void A_variable_may_not_shadow_a_constant_or_function(string expr, string at, string mention)
    {
        var r = CliRunner.InProcess("diff", expr, "--at", at);
        Assert.Equal(Cli.BadInput, r.ExitCode);
        Assert.Contains(mention, SingleErrorLine(r));
        Assert.Equal("", r.Stdout);
    }

    [Theory]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--at" }, "without a value")]
    [InlineData(new[] { "diff", "x", "--at", "--json" }, "--at")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--at", "--json" }, "without a value")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--at", "" }, "empty value")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--at=" }, "--at")]
    [InlineData(new[] { "diff", "x", "--at", "  " }, "empty value")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--check", "--tolerance" }, "--tolerance")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--check", "--tolerance", "" }, "empty value")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--tolerance", "0.1" }, "--tolerance only applies with --check")]
    [InlineData(new[] { "diff", "x", "--at", "x=1", "--check", "--tolerance", "-1" }, "finite number ≥ 0")]
    public void An_empty_option_value_is_an_error_wherever_it_appears(string[] args, string mention)
    {
        var r = CliRunner.InProcess(args);
        Assert.Equal(Cli.UsageError, r.ExitCode);
        Assert.Contains(mention, SingleErrorLine(r));
        Assert.Equal("", r.Stdout);
    }

    public static TheoryData<string, string> LineBreakers() => new()
    {
        { "\v", "\\v" }, { "\f", "\\f" }, { "\r", "\\r" }, { "\n", "\\n" }, { "\t", "\\t" }, { "\r\n", "\\r\\n" },
        { "\u0085", "\\u0085" }, { "\u2028", "\\u2028" }, { "\u2029", "\\u2029" }, { "\u001b[2J", "\\u001B[2J" },
        { "\u202e", "\\u202E" }, { "\0", "\\0" },
    };

    [Theory]
    [MemberData(nameof(LineBreakers))]
    public void Messages_quote_input_with_line_breaks_and_controls_escaped(string breaker, string escaped)
    {
        foreach (var args in new[]
        {
            new[] { "diff", "x", "--at", $"x=1{breaker}2" },              // a bad number
            new[] { "diff", "x", "--at", $"x{breaker}y=1" },              // a bad name
            new[] { "diff", $"x $ {breaker}", "--at", "x=1" },            // a syntax error echoes nothing but is still one line
            new[] { "diff", $"fo{breaker}o(x)", "--at", "x=1" },          // the parser quotes the character it stopped at
            new[] { $"inte{breaker}grate", "x" },                         // an unknown command
            new[] { "diff", "x", "--at", "x=1", $"--bo{breaker}gus" },    // an unknown option
        })
        {
            var r = CliRunner.InProcess(args);
            Assert.NotEqual(Cli.Success, r.ExitCode);
            SingleErrorLine(r);
        }
        var quoted = SingleErrorLine(CliRunner.InProcess("diff", "x", "--at", $"x=1{breaker}2"));
        Assert.Contains($"'1{escaped}2' is not a number", quoted);
    }

    [Fact]
    public void The_report_echoes_the_expression_on_one_line()
    {
        var r = CliRunner.InProcess("diff", "x\u2028+\u0085x", "--at", "x=1");
        Assert.Equal(Cli.Success, r.ExitCode);
        Assert.StartsWith("f = x\\u2028+\\u0085x" + Environment.NewLine, r.Stdout);
    }

    [Theory]
    [InlineData("1/(x-1)", "x=1", "the value is Infinity")]
    [InlineData("log(x)", "x=-1", "the value is NaN")]
    [InlineData("sqrt(x)", "x=0", "gives Infinity at d/dx")]
    [InlineData("relu(x)", "x=0", "relative difference 5.0e-1 exceeds the tolerance 1E-06")]
    public void Check_fails_on_NaN_infinity_or_disagreement_and_still_prints_the_report(string expr, string at, string mention)
    {
        var r = CliRunner.InProcess("diff", expr, "--at", at, "--check");
        Assert.Equal(Cli.CheckFailed, r.ExitCode);
        var line = SingleErrorLine(r);
        Assert.StartsWith("functional diff: check failed: ", line);
        Assert.Contains(mention, line);
        Assert.Contains("gradient", r.Stdout);

        var unchecked_ = CliRunner.InProcess("diff", expr, "--at", at);
        Assert.Equal(Cli.Success, unchecked_.ExitCode);
        Assert.Equal(r.Stdout, unchecked_.Stdout);
    }

    [Fact]
    public void Check_reports_the_disagreeing_methods_and_component()
    {
        // relu′(0) is 0 by convention; the central difference sees (0 + 1)/2.
        var line = SingleErrorLine(CliRunner.InProcess("diff", "relu(x) + y", "--at", "y=2,x=0", "--check"));
        Assert.Contains("gives 0 and numeric gives 0.5", line);
        Assert.Contains("at d/dx", line);
    }

    [Fact]
    public void Check_passes_when_the_methods_agree_within_the_tolerance()
    {
        var r = CliRunner.InProcess("diff", Seed, "--at", "x1=1,x2=2", "--hessian", "--check", "--json");
        Assert.Equal(Cli.Success, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Equal(8.47975867210497, Json.Number(r.Json.GetProperty("value")), 14);

        Assert.Equal(Cli.Success, CliRunner.InProcess("diff", "relu(x)", "--at", "x=0", "--check", "--tolerance", "0.6").ExitCode);
        Assert.Equal(Cli.CheckFailed, CliRunner.InProcess("diff", "relu(x)", "--at", "x=0", "--check", "--tolerance", "0.4").ExitCode);
    }

    [Fact]
    public void Check_covers_the_Hessian()
    {
        // |x|·x has first derivative 2|x| (0 at 0, all methods agree) and second derivative 2·sign(x):
        // 0 at 0 by AD and symbolic, 0 by central differences too, so use x·relu(x): 2·relu′ → AD 0, numeric 1.
        var r = CliRunner.InProcess("diff", "x*relu(x)", "--at", "x=0", "--check", "--hessian");
        Assert.Equal(Cli.CheckFailed, r.ExitCode);
        Assert.Contains("at d2/dxdx", SingleErrorLine(r));
        Assert.Equal(Cli.Success, CliRunner.InProcess("diff", "x*relu(x)", "--at", "x=0", "--check").ExitCode);
    }

    [Theory]
    [InlineData("sine(x)", "unknown function 'sine' at position 0 — did you mean 'sin'?")]
    [InlineData("2x + 1", "write 2*x for 2x")]
    public void Parse_errors_suggest_the_fix(string expr, string mention)
    {
        var r = CliRunner.InProcess("diff", expr, "--at", "x=1");
        Assert.Equal(Cli.BadInput, r.ExitCode);
        Assert.Contains(mention, SingleErrorLine(r));
    }

    [Fact]
    public void Ln_and_the_unicode_minus_are_understood()
    {
        var r = CliRunner.InProcess("diff", "ln(x) \u2212 x", "--at", "x=2", "--json", "--check");
        Assert.Equal(Cli.Success, r.ExitCode);
        Assert.Equal(Math.Log(2) - 2, Json.Number(r.Json.GetProperty("value")), 15);
        Assert.Equal(-0.5, Json.Vector(r.Json.GetProperty("gradient").GetProperty("reverse"))[0], 15);
    }

    [Fact]
    public void Usage_and_errors_name_the_functional_command()
    {
        var help = CliRunner.InProcess("--help");
        Assert.Contains("functional [command] [options]", help.Stdout);
        Assert.DoesNotContain("Functional.Cli", help.Stdout);
        var diffHelp = CliRunner.InProcess("diff", "--help").Stdout;
        Assert.Contains("functional diff <expr> [options]", diffHelp);
        foreach (var exitCode in new[] { "0 success", "1 bad expression", "2 a command line", "3 --check", "70 internal" })
            Assert.Contains(exitCode, diffHelp);
        Assert.Contains("'functional diff --help'", SingleErrorLine(CliRunner.InProcess("diff", "x", "--bogus")));
    }
}
