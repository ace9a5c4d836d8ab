namespace Functional.Numeric;

/// <summary>One component ∂f/∂xᵢ of a <see cref="GradCheckReport"/>.</summary>
/// <param name="Index">The coordinate i.</param>
/// <param name="AdValue">The gradient being checked: automatic differentiation's value, or the
/// hand-written gradient's value for <see cref="GradCheck.Check(Func{double[], double}, Func{double[], double[]}, double[], double, double)"/>.</param>
/// <param name="NumericValue">Ridders' finite-difference estimate.</param>
/// <param name="NumericError">The estimated absolute error of <paramref name="NumericValue"/>.</param>
/// <param name="RelativeError"><c>|AdValue − NumericValue| / max(|AdValue|, |NumericValue|, absoluteFloor)</c>.</param>
/// <param name="Passed">Whether the two agree within the tolerance (see <see cref="GradCheck"/>).</param>
public sealed record GradCheckComponent(int Index, double AdValue, double NumericValue, double NumericError, double RelativeError, bool Passed)
{
    /// <summary>|AdValue − NumericValue|.</summary>
    public double AbsoluteError => Math.Abs(AdValue - NumericValue);
}
