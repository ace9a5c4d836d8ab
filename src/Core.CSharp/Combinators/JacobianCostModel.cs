namespace Functional;

/// <summary>
/// Which mode <see cref="AD.Jacobian"/> uses for f: ℝⁿ → ℝᵐ. Forward mode costs n passes of f;
/// reverse mode costs one taped pass plus one backward sweep per output. With P the operations of
/// one evaluation, the benchmark <c>JacobianCrossover</c> (bench/) measured
/// t_fwd ≈ n·P·c_f and t_rev ≈ P·(c_r + m·c_s), fitted over n, m ∈ {1, 4, 16, 64}:
/// c_r ≈ 3.1·c_f (recording is dearer than a dual-number pass) and c_s ≈ 0.22·c_f (a sweep is
/// cheap). P cancels, so the choice depends on the shape and these two measured ratios only.
/// </summary>
internal static class JacobianCostModel
{
    /// <summary>One taped evaluation, in forward passes.</summary>
    public const double Recording = 3.1;

    /// <summary>One backward sweep, in forward passes.</summary>
    public const double Sweep = 0.22;

    /// <summary>True when n forward passes are predicted cheaper than a taped pass and m sweeps.</summary>
    public static bool PrefersForward(int inputs, int outputs) => inputs <= Recording + outputs * Sweep;
}
