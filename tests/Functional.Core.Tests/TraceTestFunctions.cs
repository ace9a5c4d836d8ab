namespace Functional.Core.Tests;

/// <summary>Functions the tracing tests replay: every primitive, loops, branches and kinks (away from them).</summary>
internal static class TraceTestFunctions
{
    /// <summary>An argument in [0.3, 0.9], inside every primitive's domain and away from every kink.</summary>
    private static Scalar Inside(Scalar[] x) => 0.6 + 0.3 * Scalar.Sin(x[0] + x[1] * x[1]);

    public static Scalar Mixed(Scalar[] x) =>
        Scalar.Sin(x[0]) * x[1] * x[1] + Scalar.Exp(x[0] * x[2]) / (1.0 + x[1] * x[1]) + Scalar.Log(1.0 + x[2] * x[2]) * x[0];

    public static Scalar Rosenbrock(Scalar[] x)
    {
        Scalar sum = 0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1.0 - x[i];
            sum += 100.0 * a * a + b * b;
        }
        return sum;
    }

    /// <summary>A branch on the inputs: replays at random points take both sides.</summary>
    public static Scalar Branchy(Scalar[] x)
    {
        var y = x[0] * x[1];
        if (y > 0) return y * y * x[2] + Scalar.Sin(x[0]);
        return Scalar.Cos(y) * x[2] - x[1] * x[1] * x[1];
    }

    /// <summary>A data-dependent loop: the number of iterations depends on x.</summary>
    public static Scalar Loop(Scalar[] x)
    {
        Scalar s = x[0] * x[0] + 0.5;
        var steps = 0;
        while (s < 4.0 && steps < 50)
        {
            s = s * (1.2 + 0.1 * Scalar.Tanh(x[1])) + x[2] * x[2];
            steps++;
        }
        return s * x[1];
    }

    public static Scalar Kinks(Scalar[] x) =>
        Scalar.Abs(x[0] - x[1]) * x[2] + Scalar.Max(x[0], x[1] * x[2]) * x[0] + Scalar.Min(x[0] * x[1], 0.1) + Scalar.Relu(x[2] - 0.2) * x[1];

    /// <summary>A cube by pow with a constant exponent at negative bases (its exponent partial is NaN there).</summary>
    public static Scalar PowConstant(Scalar[] x) => Scalar.Pow(x[0], 3.0) * x[1] + Scalar.Pow(x[1] - 2.0, 2.0);

    public static IEnumerable<object[]> Named()
    {
        yield return ["mixed", (Func<Scalar[], Scalar>)Mixed, 3];
        yield return ["rosenbrock", (Func<Scalar[], Scalar>)Rosenbrock, 6];
        yield return ["branchy", (Func<Scalar[], Scalar>)Branchy, 3];
        yield return ["loop", (Func<Scalar[], Scalar>)Loop, 3];
        yield return ["kinks", (Func<Scalar[], Scalar>)Kinks, 3];
        yield return ["pow-constant", (Func<Scalar[], Scalar>)PowConstant, 2];
        foreach (var (name, p) in Primitives<Scalar>.Unary)
            yield return [$"unary {name}", (Func<Scalar[], Scalar>)(x => Scalar.Apply(p, Inside(x)) * (1.0 + x[1] * x[1]) + Scalar.Apply(p, Inside(x) * x[0] * 0.5 + 0.4)), 2];
        foreach (var (name, p) in Primitives<Scalar>.Binary)
            yield return [$"binary {name}", (Func<Scalar[], Scalar>)(x => Scalar.Apply(p, Inside(x), 0.8 + 0.3 * Scalar.Cos(x[0] * x[1])) * x[0] + Scalar.Apply(p, x[1], 0.7)), 2];
        yield return ["negate and the operators with constants", (Func<Scalar[], Scalar>)(x => -x[0] / (2.0 - x[1]) + 3.0 * x[0] - x[1] / 4.0), 2];
    }
}
