namespace Functional.Numeric;

/// <summary>A numerically computed value with an estimate of its absolute error.</summary>
/// <param name="Value">The estimate.</param>
/// <param name="Error">
/// An estimate of <c>|Value − exact|</c> (non-negative; <see cref="double.PositiveInfinity"/> when
/// no reliable estimate could be formed, e.g. when the function was not finite near the point).
/// </param>
public readonly record struct NumericEstimate(double Value, double Error)
{
    /// <summary>The estimate as a plain number (the error is dropped).</summary>
    public static implicit operator double(NumericEstimate estimate) => estimate.Value;

    /// <summary>Shows <c>value ± error</c>.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"{Value:R} ± {Error:G3}");
}
