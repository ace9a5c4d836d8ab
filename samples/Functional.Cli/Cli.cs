using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Functional.Cli;

/// <summary>
/// The command line: <c>functional diff "&lt;expr&gt;" --at x1=1,x2=2 [--hessian] [--json] [--check [--tolerance t]]</c>.
/// <see cref="Run"/> is the whole program, taking its output streams, so tests run it in-process.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="Success"/>; <see cref="BadInput"/> for an expression or point that cannot be
/// used (syntax error with its position, unknown function, a variable missing from <c>--at</c> or given
/// twice, a malformed number or <c>--at</c> entry); <see cref="UsageError"/> for a command line that does
/// not parse (missing or unknown command, unknown option, missing expression, an option without its
/// value); <see cref="CheckFailed"/> when <c>--check</c> finds the methods disagreeing beyond the
/// tolerance or a NaN or infinite result; <see cref="InternalError"/> for a bug. Every failure writes
/// exactly one line to standard error (no stack trace; input echoed in it has its control and
/// line-break characters escaped); a missing or unknown command also prints the usage to standard output.
/// </remarks>
public static class Cli
{
    /// <summary>Exit code of a successful run (and of <c>--help</c>).</summary>
    public const int Success = 0;

    /// <summary>Exit code for an expression or point that cannot be differentiated.</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for a command line that does not parse.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code of <c>--check</c> when the methods disagree beyond the tolerance or a value,
    /// derivative or Hessian entry is NaN or infinite (the report is still printed).</summary>
    public const int CheckFailed = 3;

    /// <summary>The default relative tolerance of <c>--check</c>.</summary>
    public const double DefaultTolerance = 1e-6;

    /// <summary>Exit code for an unexpected failure (a bug).</summary>
    public const int InternalError = 70;

    /// <summary>Runs the program with <paramref name="args"/>, writing to the given streams.</summary>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var root = BuildCommand(stdout, stderr);
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
            {
                var command = parsed.CommandResult.Command;
                if (command == root)
                {
                    stderr.WriteLine(parsed.UnmatchedTokens.Count > 0
                        ? $"functional: unknown command '{Printable.Escape(parsed.UnmatchedTokens[0])}': the command is diff"
                        : "functional: no command given: the command is diff, e.g. functional diff \"x*y\" --at x=1,y=2");
                    root.Parse(["--help"]).Invoke(configuration);
                }
                else
                {
                    stderr.WriteLine($"functional {command.Name}: {OneLine(parsed.Errors[0].Message)} (see 'functional {command.Name} --help')");
                }
                return UsageError;
            }
            return parsed.Invoke(configuration);
        }
        catch (Exception e)
        {
            stderr.WriteLine($"functional: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            return InternalError;
        }
    }

    private static Command BuildCommand(TextWriter stdout, TextWriter stderr)
    {
        var expression = new Argument<string>("expr")
        {
            Description = "The expression, e.g. \"x1*x2 + exp(x1*x2) - sin(x2)\": numbers, variables, + - * / ^ (or **), "
                + "parentheses, sin cos tan asin acos atan sinh cosh tanh exp log (or ln) log1p expm1 sqrt abs sign sigmoid softplus relu, "
                + "atan2 pow max min xlogy, constants pi and e.",
        };
        var at = new Option<string[]>("--at")
        {
            Description = "The point: name=value pairs separated by commas (--at x1=1,x2=2); may be repeated. "
                + "Its order is the order of every output array.",
            HelpName = "name=value,...",
        };
        at.Validators.Add(NoEmptyValue);
        var hessian = new Option<bool>("--hessian") { Description = "Also compute the Hessian: forward-over-reverse, symbolic and numeric." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the human-readable report." };
        var check = new Option<bool>("--check")
        {
            Description = $"Exit with code {CheckFailed} (after the report) when two methods differ by more than the tolerance, "
                + "relative to max(|a|, |b|, 1), or any value, derivative or Hessian entry is NaN or infinite.",
        };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "The relative tolerance of --check (only with --check).",
            DefaultValueFactory = _ => DefaultTolerance,
            CustomParser = ParseTolerance,
            HelpName = "t",
        };
        tolerance.Validators.Add(NoEmptyValue);

        var diff = new Command("diff", "Differentiate an expression four ways (forward, reverse, symbolic, numeric) and compare them.\n"
            + $"Exit codes: {Success} success, {BadInput} bad expression or point, {UsageError} a command line that does not parse, "
            + $"{CheckFailed} --check found a disagreement or a NaN/infinite result, {InternalError} internal error.")
        {
            expression, at, hessian, json, check, tolerance,
        };
        diff.Validators.Add(result =>
        {
            if (result.GetResult(tolerance) is { Implicit: false } && !result.GetValue(check))
                result.AddError("--tolerance only applies with --check: add --check");
        });
        diff.SetAction(parsed =>
        {
            try
            {
                var point = Point.Parse(parsed.GetValue(at) ?? []);
                var result = FourWayResult.Compute(parsed.GetValue(expression)!, point, parsed.GetValue(hessian));
                if (parsed.GetValue(json)) JsonReport.Write(result, stdout);
                else HumanReport.Write(result, stdout);
                if (parsed.GetValue(check) && Check.FirstFailure(result, parsed.GetValue(tolerance)) is { } failure)
                {
                    stderr.WriteLine($"functional diff: check failed: {OneLine(failure)}");
                    return CheckFailed;
                }
                return Success;
            }
            catch (InputException e)
            {
                stderr.WriteLine($"functional diff: {OneLine(e.Message)}");
                return BadInput;
            }
        });

        DotOption.AddTo(diff, expression, at, stderr);

        // Named "functional" (the tool's command), not after the executable Functional.Cli.
        var root = new Command("functional", "functional: differentiate expressions by forward mode, reverse mode, symbolic and numeric differentiation.")
        {
            diff,
            MinimizeCommand.Create(stdout, stderr),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        return root;
    }

    /// <summary>Every occurrence of the option needs a value: a trailing <c>--at</c> after a good one
    /// (<c>--at x=1 --at</c>) or an empty <c>--at ""</c> is an error, as a lone <c>--at</c> is.</summary>
    private static void NoEmptyValue(OptionResult result)
    {
        if (result.IdentifierTokenCount > result.Tokens.Count)
            result.AddError($"option '{result.Option.Name}' is given without a value");
        else if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            result.AddError($"option '{result.Option.Name}' is given an empty value");
        else if (result.Tokens.FirstOrDefault(t => t.Value.StartsWith("--", StringComparison.Ordinal)) is { } option)
            result.AddError($"option '{result.Option.Name}' is given without a value ('{Printable.Escape(option.Value)}' follows it)");
    }

    private static double ParseTolerance(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (string.IsNullOrWhiteSpace(text)) return DefaultTolerance;   // reported by NoEmptyValue
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var t)
            || !double.IsFinite(t) || t < 0)
            result.AddError($"--tolerance must be a finite number ≥ 0, not '{Printable.Escape(text)}'");
        return t;
    }

    /// <summary>The message on one line, whatever the input it quotes contains.</summary>
    private static string OneLine(string message) => Printable.Escape(message.Trim());
}
