namespace Functional.Samples.Vectors;

internal static class Scalars
{
    /// <summary>Constants with the given values.</summary>
    public static Scalar[] Of(double[] values) => [.. values.Select(v => (Scalar)v)];
}
