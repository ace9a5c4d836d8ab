using System.Globalization;

namespace Functional.Cli;

/// <summary>Numbers as printed: shortest round-trip form in the invariant culture, so NaN and
/// infinities read <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
internal static class NumberFormat
{
    public static string Full(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    public static string Short(double x) => x == 0 ? "0" : x.ToString("0.0e+0", CultureInfo.InvariantCulture);
}
