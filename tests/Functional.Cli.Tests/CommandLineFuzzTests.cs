using System.Globalization;

namespace Functional.Cli.Tests;

/// <summary>Random command lines built from pieces of good and bad input: whatever they are, the tool
/// keeps its rules — a documented exit code, never an internal error, and on failure exactly one line
/// on standard error (no line-break character from the input leaks into it).</summary>
public class CommandLineFuzzTests
{
    private static readonly string[] Pieces =
    [
        "diff", "diff", "diff", "x", "x*y", "sin(x)+y", "e*x", "sine(x)", "2x", "1/(x-1)", "ln(x) \u2212 y", "", " ",
        "--at", "--at", "--at", "x=1", "y=2", "x=1,y=2", "e=2", "pi=3", "x=", "=1", "x=1,,y=2", "x=nan", "x=1e999",
        "--json", "--hessian", "--check", "--tolerance", "0.5", "-1", "--bogus", "--help", "-h", "--at=", "--at=x=1",
        "x\u000B=1", "x=1\f", "x=1\u0085", "\u2028", "\u2029", "x=1\r\ny=2", "\t", "\u001b[31m", "\u202e", "--",
    ];

    private static readonly int[] Documented = [Cli.Success, Cli.BadInput, Cli.UsageError, Cli.CheckFailed];

    [Fact]
    public void Random_command_lines_keep_the_rules()
    {
        var random = new Random(15);
        var failures = 0;
        for (var run = 0; run < 1500; run++)
        {
            var args = Enumerable.Range(0, random.Next(0, 7)).Select(_ => Pieces[random.Next(Pieces.Length)]).ToArray();
            var r = CliRunner.InProcess(args);
            var shown = string.Join(" ", args.Select(a => $"[{a}]"));
            Assert.True(Documented.Contains(r.ExitCode), $"exit {r.ExitCode} for {shown}: {r.Stderr}");
            if (r.ExitCode == Cli.Success)
            {
                Assert.True(r.Stderr.Length == 0, $"success with standard error for {shown}: {r.Stderr}");
                continue;
            }
            failures++;
            Assert.True(r.Stderr.EndsWith(Environment.NewLine, StringComparison.Ordinal), $"no final newline for {shown}");
            var line = r.Stderr[..^Environment.NewLine.Length];
            Assert.True(line.StartsWith("functional", StringComparison.Ordinal), $"for {shown}: {line}");
            foreach (var c in line)
                Assert.False(CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator, $"U+{(int)c:X4} in the message for {shown}: {line}");
        }
        Assert.True(failures > 500, $"only {failures} of the random command lines failed: the generator is too tame");
        Assert.True(failures < 1500 - 20, $"{failures} of 1500 failed: too few runs succeed to check the success rules");
    }
}
