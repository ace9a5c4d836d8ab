using System.Globalization;

namespace Functional.AdvancedAd;

/// <summary>Number formatting for the printed examples.</summary>
public static class Format
{
    /// <summary>(a, b, …) with round-trip precision.</summary>
    public static string Vector(IEnumerable<double> values) =>
        "(" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + ")";

    /// <summary>A byte count in KiB or MiB.</summary>
    public static string Bytes(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KiB";
}

/// <summary>Plain doubles as constant Scalars.</summary>
internal static class Conversions
{
    public static Scalar[] AsScalars(this double[] values) => [.. values.Select(v => (Scalar)v)];
}
