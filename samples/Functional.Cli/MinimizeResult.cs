using Functional.Optimization;
using Functional.Symbolic;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Functional.Cli;

/// <summary>The outcome of <c>functional minimize</c>: where the method stopped, the value there, and
/// the loss at every step (Adam) or at every objective evaluation (BFGS, Newton).</summary>
internal sealed record MinimizeResult(string Expression, string Method, string[] Names, double[] Point, double Value, int Iterations, IReadOnlyList<double> History)
{
    /// <summary>The methods <c>--method</c> accepts.</summary>
    public static readonly string[] Methods = ["adam", "bfgs", "newton"];

    /// <summary>Minimises the expression from the point of <c>--from</c>.</summary>
    /// <exception cref="InputException">A syntax error, a variable without a starting value, an unknown
    /// method, bad settings, or a method that fails (NaN, no convergence).</exception>
    public static MinimizeResult Compute(string text, Point from, string method, int? steps, double learningRate)
    {
        Expr expr;
        try { expr = Expr.Parse(text); }
        catch (FormatException e) { throw new InputException($"cannot parse the expression: {e.Message}"); }

        var missing = expr.Variables.Where(v => !from.Names.Contains(v)).ToList();
        if (missing.Count > 0)
            throw new InputException($"the expression's variable{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(v => $"'{v}'"))} "
                + $"need{(missing.Count > 1 ? "" : "s")} a starting value: give {(missing.Count > 1 ? "them" : "it")} in --from, e.g. --from {string.Join(",", from.Names.Concat(missing).Select(v => $"{v}=0"))}");
        if (from.Names.Length == 0) throw new InputException("--from gives no variables: write e.g. --from x=-1.2,y=1");
        var constant = from.Names.FirstOrDefault(n => n is "e" or "pi");
        if (constant is not null) throw new InputException($"--from cannot set '{constant}': it is a constant of the expression language");
        if (!Methods.Contains(method)) throw new InputException($"unknown method '{method}': use one of {string.Join(", ", Methods)}");
        if (steps is <= 0) throw new InputException($"--steps must be a positive number of steps, not {steps}");

        var f = expr.ToFunc(from.Names);
        if (!double.IsFinite(f([.. from.Values.Select(v => (Scalar)v)]).Value))
            throw new InputException($"the expression is not a finite number at the starting point (it is {f([.. from.Values.Select(v => (Scalar)v)]).Value})");
        return method == "adam"
            ? RunAdam(text, from, f, steps ?? 5000, learningRate)
            : RunMathNet(text, from, f, method, steps ?? 1000);
    }

    private static MinimizeResult RunAdam(string text, Point from, Func<Scalar[], Scalar> f, int steps, double learningRate)
    {
        Adam adam;
        try { adam = new Adam(learningRate); }
        catch (ArgumentOutOfRangeException) { throw new InputException($"--learning-rate must be a positive finite number, not {learningRate}"); }
        try
        {
            var result = adam.Minimize(f, from.Values, steps);
            return new MinimizeResult(text, "adam", from.Names, result.Point, result.Value, steps, result.History);
        }
        catch (InvalidOperationException e) { throw new InputException($"adam failed: {e.Message}"); }
    }

    private static MinimizeResult RunMathNet(string text, Point from, Func<Scalar[], Scalar> f, string method, int maxIterations)
    {
        var history = new List<double>();
        var objective = new RecordingObjective(MathNetBridge.Objective(f), history);
        var start = Vector<double>.Build.DenseOfArray(from.Values);
        try
        {
            MathNet.Numerics.Optimization.MinimizationResult result = method == "bfgs"
                ? new BfgsMinimizer(1e-10, 1e-12, 1e-12, maxIterations).FindMinimum(objective, start)
                : new NewtonMinimizer(1e-10, maxIterations, useLineSearch: true).FindMinimum(objective, start);
            var point = result.MinimizingPoint.ToArray();
            if (point.Any(v => !double.IsFinite(v)) || !double.IsFinite(result.FunctionInfoAtMinimum.Value))
                throw new InputException($"{method} ended at a point where the expression is not finite");
            return new MinimizeResult(text, method, from.Names, point, result.FunctionInfoAtMinimum.Value, result.Iterations, history);
        }
        catch (Exception e) when (e is MaximumIterationsException or EvaluationException or InnerOptimizationException or ArgumentException or NonConvergenceException)
        {
            throw new InputException($"{method} failed: {e.Message.TrimEnd('.')} (try --method adam, another --from, or more --steps)");
        }
    }
}
