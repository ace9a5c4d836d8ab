using System.CommandLine;

namespace Functional.Cli;

/// <summary><c>functional minimize "&lt;expr&gt;" --from x=..,y=.. [--method adam|bfgs|newton] [--steps N]
/// [--learning-rate η] [--plot out.png] [--json]</c>: minimises an expression with exact gradients
/// (and Hessians for Newton) and prints the last point and value.</summary>
internal static class MinimizeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var expression = new Argument<string>("expr") { Description = "The expression to minimise, e.g. \"(1-x)^2 + 100*(y-x^2)^2\"." };
        var from = new Option<string[]>("--from")
        {
            Description = "The starting point: name=value pairs separated by commas (--from x=-1.2,y=1). Its order is the order of the output.",
            HelpName = "name=value,...",
        };
        var method = new Option<string>("--method") { Description = "adam, bfgs (the default) or newton.", DefaultValueFactory = _ => "bfgs" };
        var steps = new Option<int?>("--steps") { Description = "Adam: the number of steps (default 5000); BFGS/Newton: the most iterations (default 1000)." };
        var rate = new Option<double>("--learning-rate") { Description = "Adam's learning rate (default 0.01).", DefaultValueFactory = _ => 0.01 };
        var plot = new Option<string?>("--plot") { Description = "Write a PNG of the loss against the step (Adam) or the evaluation (BFGS, Newton).", HelpName = "out.png" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: expr, method, vars, point, value, iterations, history." };

        var command = new Command("minimize", "Minimise an expression from a starting point with exact derivatives.")
        {
            expression, from, method, steps, rate, plot, json,
        };
        command.SetAction(parsed =>
        {
            try
            {
                Point start;
                try { start = Point.Parse(parsed.GetValue(from) ?? []); }
                catch (InputException e) { throw new InputException(e.Message.Replace("--at", "--from")); }
                var result = MinimizeResult.Compute(parsed.GetValue(expression)!, start, (parsed.GetValue(method) ?? "bfgs").ToLowerInvariant(),
                    parsed.GetValue(steps), parsed.GetValue(rate));
                var plotPath = parsed.GetValue(plot);
                if (plotPath is not null)
                {
                    try { LossPng.Write(result.History, plotPath); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                    {
                        throw new InputException($"cannot write the plot to '{plotPath}': {e.Message}");
                    }
                }
                if (parsed.GetValue(json)) MinimizeReport.WriteJson(result, stdout);
                else MinimizeReport.WriteHuman(result, stdout);
                return Cli.Success;
            }
            catch (InputException e)
            {
                stderr.WriteLine($"functional minimize: {string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))}");
                return Cli.BadInput;
            }
        });
        return command;
    }
}
