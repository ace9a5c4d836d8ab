namespace Functional.Numeric;

/// <summary>How <see cref="FiniteDifference"/> turns function values into a derivative.</summary>
public enum DifferenceScheme
{
    /// <summary>
    /// One-sided difference <c>(f(x + h) − f(x)) / h</c>: one extra evaluation per direction,
    /// truncation error O(h), best accuracy about √ε ≈ 1e-8 relative at the default step
    /// h = √ε·max(|x|, 1).
    /// </summary>
    Forward,

    /// <summary>
    /// Symmetric difference <c>(f(x + h) − f(x − h)) / 2h</c>: two evaluations per direction,
    /// truncation error O(h²), best accuracy about ε^(2/3) ≈ 1e-11 relative at the default step
    /// h = ∛ε·max(|x|, 1). The default scheme.
    /// </summary>
    Central,

    /// <summary>
    /// Ridders' method: central differences at a shrinking sequence of steps, extrapolated to
    /// h → 0 with a Neville tableau, stopping when the error starts to grow. Typically 1e-13
    /// relative on smooth functions, at the price of up to 20 evaluations per direction, and it
    /// comes with an error estimate (<see cref="FiniteDifference.DerivativeWithError"/>).
    /// </summary>
    Richardson,
}
