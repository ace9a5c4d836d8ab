using System.Globalization;

namespace Functional.Seeds;

/// <summary>Prints numbers the way the seeds do: shortest round-trip form, invariant culture.</summary>
internal static class Format
{
    internal static string Number(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    internal static string Number(Scalar x) => Number(x.Value);

    internal static string Vector(IEnumerable<double> xs) => "[" + string.Join(", ", xs.Select(Number)) + "]";

    internal static string Vector(IEnumerable<Scalar> xs) => Vector(xs.Select(x => x.Value));

    internal static string Matrix(double[,] m) =>
        "[" + string.Join(", ", Enumerable.Range(0, m.GetLength(0))
            .Select(i => Vector(Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j])))) + "]";
}
