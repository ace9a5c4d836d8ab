using Functional.Numeric;
using Functional.Symbolic;

namespace Functional.Cli;

/// <summary>Everything <c>diff</c> prints: the expression differentiated four ways at one point.</summary>
/// <param name="Expression">The expression as the user wrote it.</param>
/// <param name="Point">The point.</param>
/// <param name="Value">f at the point.</param>
/// <param name="Gradient">The gradient by forward, reverse, symbolic and numeric differentiation.</param>
/// <param name="Derivatives">Each simplified partial derivative, in the order of the point's variables.</param>
/// <param name="Hessian">The Hessian three ways, or null when not asked for.</param>
internal sealed record FourWayResult(
    string Expression, Point Point, double Value, GradientComparison Gradient, string[] Derivatives, HessianComparison? Hessian)
{
    /// <summary>Parses and differentiates <paramref name="text"/> at <paramref name="point"/>.</summary>
    /// <exception cref="InputException">A syntax error, an unknown function, or a variable of the
    /// expression missing from the point.</exception>
    public static FourWayResult Compute(string text, Point point, bool hessian)
    {
        Expr expr;
        try
        {
            expr = Expr.Parse(text);
        }
        catch (FormatException e)
        {
            throw new InputException($"cannot parse the expression: {e.Message}");
        }

        var missing = expr.Variables.Where(v => !point.Names.Contains(v)).ToList();
        if (missing.Count > 0)
        {
            var example = string.Join(",", point.Names.Concat(missing).Select(v => $"{v}={point.ByName.GetValueOrDefault(v, 1)}"));
            throw new InputException(
                $"variable{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(v => $"'{v}'"))} of the expression "
                + $"ha{(missing.Count > 1 ? "ve" : "s")} no value: give {(missing.Count > 1 ? "them" : "it")} in --at, e.g. --at {example}");
        }

        var names = point.Names;
        var x = point.Values;
        var values = point.ByName;
        var n = names.Length;
        Scalar[] at = [.. x.Select(v => (Scalar)v)];

        var f = expr.ToFunc(names);
        var partials = expr.Gradient(names);
        var value = expr.Evaluate(values);

        GradientComparison gradient;
        HessianComparison? hessianComparison = null;
        if (n == 0)
        {
            gradient = new GradientComparison([], [], [], []);
            if (hessian) hessianComparison = new HessianComparison(new double[0, 0], new double[0, 0], new NumericEstimate[0, 0]);
        }
        else
        {
            var compiled = expr.Compile(names);
            var jacobian = AD.JacFwd(v => [f(v)])(at);
            gradient = new GradientComparison(
                Forward: [.. Enumerable.Range(0, n).Select(j => jacobian[0, j].Value)],
                Reverse: AD.Grad(f)(at).ToDoubles(),
                Symbolic: [.. partials.Select(p => p.Evaluate(values))],
                Numeric: FiniteDifference.GradientWithError(compiled, x));
            if (hessian)
            {
                var symbolic = new double[n, n];
                for (var i = 0; i < n; i++)
                    for (var j = 0; j < n; j++)
                        symbolic[i, j] = partials[i].Diff(names[j]).Evaluate(values);
                hessianComparison = new HessianComparison(
                    AD.Hessian(f)(at).ToDoubles(), symbolic, FiniteDifference.HessianWithError(compiled, x));
            }
        }

        string[] derivatives = [.. partials.Select(p => p.Simplify().ToString())];
        return new FourWayResult(text, point, value, gradient, derivatives, hessianComparison);
    }
}
