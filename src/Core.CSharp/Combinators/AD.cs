namespace Functional;

/// <summary>
/// JAX-style differentiation combinators: each takes a function and returns a function, so they
/// compose (<c>Grad(x =&gt; Grad(f)(x)[0])</c>, <c>Hessian(f) = JacFwd(Grad(f))</c>). Every
/// invocation of a returned function is a fresh differentiation with its own perturbation level,
/// so any nesting — forward or reverse, inner or outer, to any depth — gives the right answer.
/// </summary>
/// <example>
/// <code>
/// using static Functional.AD;
/// var f = (Scalar[] x) =&gt; x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);
/// Scalar[] g = Grad(f)([1.0, 2.0]);          // [16.778…, 8.805…]
/// Scalar[,] h = Hessian(f)([1.0, 2.0]);
/// </code>
/// </example>
public static partial class AD
{
    private static Scalar[] CheckInput(Scalar[]? x, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(x, name);
        return x;
    }

    private static Scalar[] CheckOutput(Scalar[]? y, int? expectedLength = null)
    {
        if (y is null) throw new ArgumentException("the differentiated function returned null instead of an array of Scalar values", "f");
        if (expectedLength is int m && y.Length != m)
            throw new ArgumentException($"the differentiated function returned {y.Length} values on one call and {m} on another; its output length must not depend on the direction of differentiation", "f");
        return y;
    }

    /// <summary>Fails when <paramref name="value"/> belongs to a differentiation nested inside
    /// <paramref name="owner"/> that has already returned (an escaped value).</summary>
    private static void CheckNotEscaped(Scalar value, Differentiation owner)
    {
        if (value.Level > owner.Level) throw Differentiation.EscapedValue();
    }

    private static Scalar[,] ToMatrix(Scalar[][] rowsOrColumns, int rows, int columns, bool areColumns)
    {
        var matrix = new Scalar[rows, columns];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < columns; j++)
                matrix[i, j] = areColumns ? rowsOrColumns[j][i] : rowsOrColumns[i][j];
        return matrix;
    }
}
