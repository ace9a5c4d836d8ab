using System.CommandLine;
using System.CommandLine.Invocation;
using Functional.Symbolic;

namespace Functional.Cli;

/// <summary>
/// <c>functional diff ... --dot out.dot</c>: after the report, the expression is traced at the point
/// (<see cref="AD.Trace"/>) and its graph written as Graphviz DOT, each node with its value and gradient.
/// </summary>
internal static class DotOption
{
    /// <summary>Adds <c>--dot</c> to <paramref name="diff"/>, wrapping the action it already has.</summary>
    public static void AddTo(Command diff, Argument<string> expression, Option<string[]> at, TextWriter stderr)
    {
        var dot = new Option<string>("--dot")
        {
            Description = "Also write the traced computation graph (Graphviz DOT: every operation with its value and gradient) to this file.",
            HelpName = "file.dot",
        };
        diff.Options.Add(dot);
        var report = (SynchronousCommandLineAction)diff.Action!;
        diff.SetAction(parsed =>
        {
            var code = report.Invoke(parsed);
            var path = parsed.GetValue(dot);
            if (code != Cli.Success || path is null) return code;
            try
            {
                var point = Point.Parse(parsed.GetValue(at) ?? []);
                var f = Expr.Parse(parsed.GetValue(expression)!).ToFunc(point.Names);
                File.WriteAllText(path, AD.Trace(f, point.Values).ToDot());
                return Cli.Success;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                stderr.WriteLine($"functional diff: cannot write the graph to '{path}': {e.Message.ReplaceLineEndings(" ")}");
                return Cli.BadInput;
            }
        });
    }
}
