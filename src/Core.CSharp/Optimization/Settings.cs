namespace Functional.Optimization;

internal static class Settings
{
    /// <summary>A decay rate in [0, 1).</summary>
    public static double Decay(double value, string name) =>
        value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [0, 1), not {value}");
}
