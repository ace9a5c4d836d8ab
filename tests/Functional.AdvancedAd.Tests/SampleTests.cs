using MathNet.Numerics.Differentiation;

namespace Functional.AdvancedAd.Tests;

/// <summary>The numbers of seed 004's advanced-AD examples, as the sample computes them.</summary>
public class SampleTests
{
    private static void Relative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Softplus_at_plus_and_minus_100_has_the_seed_values_and_no_NaN_at_1000()
    {
        var plus = StableSoftplus.At(100);
        Assert.Equal(100.0, plus.Value);
        Assert.Equal(1.0, plus.Slope);
        var minus = StableSoftplus.At(-100);
        Relative(3.7200759760208356e-44, minus.Value, 1e-14);   // log1p(e^-100)
        Relative(3.7200759760208356e-44, minus.Slope, 1e-14);   // σ(−100) ≈ 0
        var far = StableSoftplus.At(1000);
        Assert.Equal(1000.0, far.Value);
        Assert.Equal(1.0, far.Slope);
        Assert.Equal(0.0, far.Curvature);
        Assert.True(double.IsPositiveInfinity(far.NaiveValue));
        Assert.True(double.IsNaN(far.NaiveSlope));
        var zero = StableSoftplus.At(0);
        Assert.Equal(Math.Log(2), zero.Value, 1e-15);
        Assert.Equal(0.5, zero.Slope, 1e-15);
        Assert.Equal(0.25, zero.Curvature, 1e-15);
    }

    [Fact]
    public void Clipping_changes_only_the_large_gradient_entries()
    {
        var (plain, clipped) = GradientClipping.Gradients([3.0, -0.004], 1.0);
        Assert.Equal([300.0, -0.4], plain.Select(v => Math.Round(v, 12)));
        Assert.Equal([1.0, -0.4], clipped.Select(v => Math.Round(v, 12)));
        var path = GradientClipping.Descend([3.0, -0.004], 1.0, 0.5, 4);
        Assert.Equal(1.0, path[^1][0], 1e-12); // four clipped steps of 0.5 from 3
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(2.0)]
    [InlineData(9.0)]
    public void Implicit_sqrt_has_the_closed_form_first_and_second_derivatives(double theta)
    {
        Relative(Math.Sqrt(theta), ImplicitSqrt.Sqrt(theta).Value, 1e-15);
        Relative(1 / (2 * Math.Sqrt(theta)), AD.Grad(ImplicitSqrt.Sqrt)(theta).Value, 1e-14);
        Relative(1 / (2 * Math.Sqrt(theta)), AD.Derivative(ImplicitSqrt.Sqrt)(theta).Value, 1e-14);
        Relative(-1 / (4 * Math.Pow(theta, 1.5)), AD.Derivative(ImplicitSqrt.Sqrt, 2)(theta).Value, 1e-13);
        Relative(-1 / (4 * Math.Pow(theta, 1.5)), AD.Grad(AD.Grad(ImplicitSqrt.Sqrt))(theta).Value, 1e-13);
    }

    [Fact]
    public void Ridge_derivative_by_the_IFT_matches_the_closed_form_and_finite_differences()
    {
        var ridge = new RidgeRegression();
        var ift = ridge.DerivativeByImplicit(0.5);
        var closed = ridge.DerivativeClosedForm(0.5);
        var numeric = new NumericalDerivative(5, 2);
        for (var i = 0; i < ift.Length; i++)
        {
            Relative(closed[i], ift[i], 1e-12);
            var fd = numeric.EvaluateDerivative(t => ridge.Solve(t)[i], 0.5, 1);
            Assert.True(Math.Abs(fd - ift[i]) < 1e-8, $"z[{i}]: IFT {ift[i]:R}, finite differences {fd:R}");
        }
        // forward mode through the same Implicit agrees too
        var forward = AD.JacFwd(ridge.Solution)([0.5]).ToDoubles();
        for (var i = 0; i < ift.Length; i++) Relative(ift[i], forward[i, 0], 1e-12);
    }

    [Fact]
    public void Maml_reproduces_the_seed_numbers()
    {
        var (adapted, _, meta) = Maml.At(1.5, 0.0);
        // exact values: 59/30, 1/5, −1/90, −7/75; double rounding in the residuals costs a few ulps of them
        Relative(1.9666666666666667, adapted[0], 1e-15);
        Relative(0.2, adapted[1], 1e-15);
        Relative(-0.011111111111111111, meta[0], 1e-13);
        Relative(-0.09333333333333333, meta[1], 1e-13);
    }

    [Fact]
    public void Maml_meta_gradient_is_the_closed_form_through_the_inner_step()
    {
        // (I − αH)·∇L_query(adapted), H the (constant) Hessian of the support loss
        double w = 0.7, b = -0.4, alpha = Maml.InnerStep;
        var (adapted, _, meta) = Maml.At(w, b);
        double[] xs = Maml.SupportX, qx = Maml.QueryX, qy = Maml.QueryY;
        double h11 = 2 * xs.Sum(x => x * x) / xs.Length, h12 = 2 * xs.Average(), h22 = 2;
        double gw = 0, gb = 0;
        for (var i = 0; i < qx.Length; i++)
        {
            var r = adapted[0] * qx[i] + adapted[1] - qy[i];
            gw += 2 * r * qx[i] / qx.Length;
            gb += 2 * r / qx.Length;
        }
        Relative((1 - alpha * h11) * gw - alpha * h12 * gb, meta[0], 1e-12);
        Relative(-alpha * h12 * gw + (1 - alpha * h22) * gb, meta[1], 1e-12);
    }

    [Fact]
    public void Checkpointed_loop_gradient_is_bit_identical_and_matches_finite_differences()
    {
        var loop = new CheckpointedLoop(20_000);
        var plain = loop.Gradient(checkpointed: false);
        var checkpointed = loop.Gradient(checkpointed: true);
        Assert.Equal(BitConverter.DoubleToInt64Bits(plain.Value), BitConverter.DoubleToInt64Bits(checkpointed.Value));
        Assert.Equal(plain.Gradient.Select(BitConverter.DoubleToInt64Bits), checkpointed.Gradient.Select(BitConverter.DoubleToInt64Bits));
        var numeric = new NumericalJacobian(5, 2).Evaluate(p => loop.Loss(p.Select(v => (Scalar)v).ToArray(), false).Value, CheckpointedLoop.Start);
        for (var i = 0; i < 3; i++)
            Assert.True(Math.Abs(numeric[i] - plain.Gradient[i]) < 1e-6 * Math.Max(1, Math.Abs(numeric[i])), $"entry {i}: {plain.Gradient[i]:R} vs {numeric[i]:R}");
    }

    [Fact]
    public void Checkpointing_holds_far_fewer_bytes_at_the_peak()
    {
        // The probes see the live heap. A warm array pool could hide rented arrays, but no other test
        // here rents one as large as a plain 10⁵-step tape, so recording every step would show (≈ 50 MiB).
        var loop = new CheckpointedLoop(100_000);
        var checkpointed = loop.PeakBytes(checkpointed: true);
        Assert.True(checkpointed < 2 << 20, $"checkpointed peak {checkpointed} bytes");
    }
}
