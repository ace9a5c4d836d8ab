using System.CommandLine;
using System.CommandLine.Help;

namespace Functional.Cli;

/// <summary>
/// The command line: <c>functional diff "&lt;expr&gt;" --at x1=1,x2=2 [--hessian] [--json]</c>.
/// <see cref="Run"/> is the whole program, taking its output streams, so tests run it in-process.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="Success"/>; <see cref="BadInput"/> for an expression or point that cannot be
/// used (syntax error with its position, unknown function, a variable missing from <c>--at</c> or given
/// twice, a malformed number or <c>--at</c> entry); <see cref="UsageError"/> for a command line that does
/// not parse (missing or unknown command, unknown option, missing expression); <see cref="InternalError"/>
/// for a bug. Every failure writes exactly one line to standard error (no stack trace); a missing or
/// unknown command also prints the usage to standard output.
/// </remarks>
public static class Cli
{
    /// <summary>Exit code of a successful run (and of <c>--help</c>).</summary>
    public const int Success = 0;

    /// <summary>Exit code for an expression or point that cannot be differentiated.</summary>
    public const int BadInput = 1;

    /// <summary>Exit code for a command line that does not parse.</summary>
    public const int UsageError = 2;

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
                        ? $"functional: unknown command '{parsed.UnmatchedTokens[0]}': the command is diff"
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

    private static RootCommand BuildCommand(TextWriter stdout, TextWriter stderr)
    {
        var expression = new Argument<string>("expr")
        {
            Description = "The expression, e.g. \"x1*x2 + exp(x1*x2) - sin(x2)\": numbers, variables, + - * / ^ (or **), "
                + "parentheses, sin cos tan asin acos atan sinh cosh tanh exp log log1p expm1 sqrt abs sign sigmoid softplus relu, "
                + "atan2 pow max min xlogy, constants pi and e.",
        };
        var at = new Option<string[]>("--at")
        {
            Description = "The point: name=value pairs separated by commas (--at x1=1,x2=2); may be repeated. "
                + "Its order is the order of every output array.",
            HelpName = "name=value,...",
        };
        var hessian = new Option<bool>("--hessian") { Description = "Also compute the Hessian: forward-over-reverse, symbolic and numeric." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the human-readable report." };

        var diff = new Command("diff", "Differentiate an expression four ways (forward, reverse, symbolic, numeric) and compare them.")
        {
            expression, at, hessian, json,
        };
        diff.SetAction(parsed =>
        {
            try
            {
                var point = Point.Parse(parsed.GetValue(at) ?? []);
                var result = FourWayResult.Compute(parsed.GetValue(expression)!, point, parsed.GetValue(hessian));
                if (parsed.GetValue(json)) JsonReport.Write(result, stdout);
                else HumanReport.Write(result, stdout);
                return Success;
            }
            catch (InputException e)
            {
                stderr.WriteLine($"functional diff: {OneLine(e.Message)}");
                return BadInput;
            }
        });

        DotOption.AddTo(diff, expression, at, stderr);

        return new RootCommand("functional: differentiate expressions by forward mode, reverse mode, symbolic and numeric differentiation.")
        {
            diff,
        };
    }

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
