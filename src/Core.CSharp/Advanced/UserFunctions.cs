namespace Functional;

/// <summary>
/// Calls of user functions on behalf of the advanced combinators, with the checks every one of them
/// needs: a null or wrongly sized result, and a result that carries a derivative although the
/// function was called on constants (it captured a value being differentiated, which the op could
/// not see and would silently treat as a constant).
/// </summary>
internal static class UserFunctions
{
    /// <summary>f on constants with the given values; its outputs as doubles.</summary>
    public static double[] OnConstants(Func<Scalar[], Scalar[]> f, ReadOnlySpan<double> x, string combinator, string parameter)
    {
        var y = Checked(f(Scalar.Constants(x)), combinator, parameter, expectedLength: null);
        foreach (var v in y) EnsureConstant(v, combinator, parameter);
        return Scalar.Primals(y);
    }

    /// <summary>Fails unless <paramref name="value"/> is a constant (see the class remarks).</summary>
    public static void EnsureConstant(Scalar value, string combinator, string parameter)
    {
        if (!value.IsConstant) throw CapturedValue(combinator, parameter);
    }

    /// <summary>A non-null result of the expected length (when given).</summary>
    public static Scalar[] Checked(Scalar[]? result, string combinator, string parameter, int? expectedLength, string? expected = null)
    {
        if (result is null)
            throw new ArgumentException($"{combinator}: {parameter} returned null instead of an array of Scalar values", parameter);
        if (expectedLength is int n && result.Length != n)
            throw new ArgumentException($"{combinator}: {parameter} returned {result.Length} values but {expected ?? $"{n} were expected"}", parameter);
        return result;
    }

    private static InvalidOperationException CapturedValue(string combinator, string parameter) => new(
        $"{combinator}: {parameter} returned a value that carries a derivative although it was called on constants, " +
        "so it uses a value being differentiated that is not one of its arguments (a captured variable). " +
        "Its derivative would be lost: pass that value as an argument instead.");
}

/// <summary>The double lane of a pullback written in Scalar operations, for ops whose rule is user code.</summary>
internal static class DoubleLane
{
    /// <summary>Runs the <see cref="Scalar"/> lane on constants and adds its result to dx. A result that is
    /// not a constant means the user's rule captured a value of an enclosing differentiation, whose
    /// derivative a first-order sweep cannot carry: that throws instead of dropping it.</summary>
    public static void Pullback(Op op, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> dy, Span<double> dx,
        string combinator, string rule)
    {
        var sdx = new Scalar[dx.Length];
        op.Pullback(Scalar.Constants(x), Scalar.Constants(y), Scalar.Constants(dy), sdx);
        for (var i = 0; i < dx.Length; i++)
        {
            UserFunctions.EnsureConstant(sdx[i], combinator, rule);
            dx[i] += sdx[i].Primal;
        }
    }
}
