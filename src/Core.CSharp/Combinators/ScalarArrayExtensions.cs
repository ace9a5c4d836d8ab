namespace Functional;

/// <summary>Conversions from <see cref="Scalar"/> arrays back to plain doubles.</summary>
public static class ScalarArrayExtensions
{
    /// <summary>The primal values.</summary>
    public static double[] ToDoubles(this Scalar[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = values[i].Value;
        return result;
    }

    /// <summary>The primal values.</summary>
    public static double[,] ToDoubles(this Scalar[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new double[values.GetLength(0), values.GetLength(1)];
        for (var i = 0; i < values.GetLength(0); i++)
            for (var j = 0; j < values.GetLength(1); j++)
                result[i, j] = values[i, j].Value;
        return result;
    }
}
