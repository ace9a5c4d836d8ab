namespace Functional;

/// <summary>Conversions from plain doubles to constant <see cref="Scalar"/>s, so existing
/// <c>double[]</c> data can be passed to the combinators: <c>Grad(f)(data.ToScalars())</c>.</summary>
public static class ScalarConversions
{
    /// <summary>Each value as a constant <see cref="Scalar"/>, in a new array.</summary>
    /// <param name="values">The values.</param>
    /// <returns>A new array of the same length.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static Scalar[] ToScalars(this double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new Scalar[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }

    /// <summary>Each entry as a constant <see cref="Scalar"/>, in a new matrix of the same shape.</summary>
    /// <param name="values">The matrix.</param>
    /// <returns>A new matrix of the same dimensions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public static Scalar[,] ToScalars(this double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new Scalar[values.GetLength(0), values.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
            for (var j = 0; j < values.GetLength(1); j++)
                result[i, j] = values[i, j];
        return result;
    }
}
