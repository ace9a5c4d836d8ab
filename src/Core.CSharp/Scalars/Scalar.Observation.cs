namespace Functional;

public readonly partial struct Scalar
{
    // The one hook through which user code looks at a Scalar's primal: comparisons, Equals,
    // CompareTo, Value and the explicit cast. Constants take the direct path; for other values each
    // level, from the outermost down, is told (a tracer records guards there), and the cast refuses
    // to drop derivative information of a differentiation that is still running.

    private static bool Compare(Comparison comparison, Scalar a, Scalar b)
    {
        var outcome = comparison.Evaluate(a.Primal, b.Primal);
        if (a.Node is not null || b.Node is not null) Observe(comparison, a, b, outcome);
        return outcome;
    }

    private static void Observe(Comparison comparison, Scalar a, Scalar b, bool outcome)
    {
        while (a.Node is not null || b.Node is not null)
        {
            var owner = Top(a, b);
            owner.OnCompare(comparison, a, b, outcome);
            a = owner.PrimalOf(a);
            b = owner.PrimalOf(b);
        }
    }

    private static double Observe(Scalar value)
    {
        for (var v = value; v.Node is { } node; v = node.Owner.PrimalOf(v)) node.Owner.OnRead(v);
        return value.Primal;
    }

    private static double CheckedCast(Scalar value)
    {
        for (var v = value; v.Node is { } node; v = node.Owner.PrimalOf(v))
            if (!node.Owner.Finished)
                throw new InvalidOperationException(
                    $"(double) cast of a Scalar that carries the derivative of a running differentiation ({value}): the cast " +
                    "would silently drop the derivative. Use .Value for an intentional read of the primal value, or " +
                    "AD.StopGradient(x) for a value that should be a constant to differentiation.");
        return value.Primal;
    }
}
