using MathNet.Numerics.Differentiation;

namespace Functional.Core.Tests.Vectors;

public class VecStabilityTests
{
    private static readonly Scalar[] Extreme = [1000.0, -1000.0, 0.0, 999.0];

    [Fact]
    public void Softmax_at_extreme_logits_is_finite_and_exact()
    {
        var s = Vec.Softmax(Extreme).ToDoubles();
        var e = 1 / (1 + Math.Exp(-1));
        Assert.Equal(e, s[0], 1e-15);
        Assert.Equal(1 - e, s[3], 1e-15);
        Assert.Equal(0.0, s[1]);
        Assert.Equal(Math.Exp(-1000) * e, s[2], 1e-300);
        var jacobian = JacRev(Vec.Softmax)(Extreme).ToDoubles();
        Assert.All(jacobian.Cast<double>(), v => Assert.True(double.IsFinite(v)));
        Assert.Equal(e * (1 - e), jacobian[0, 0], 1e-15);
    }

    [Fact]
    public void LogSumExp_and_LogSoftmax_at_extreme_logits_match_the_closed_form()
    {
        var lse = 1000 + Math.Log(1 + Math.Exp(-1));
        Assert.Equal(lse, Vec.LogSumExp(Extreme).Value, 1e-12);
        Assert.Equal(-1000.0, Vec.LogSumExp([-1000.0, -1000.0]).Value + -Math.Log(2), 1e-12);
        var logSoftmax = Vec.LogSoftmax(Extreme).ToDoubles();
        Assert.Equal(-1000 - lse, logSoftmax[1], 1e-12);
        Assert.Equal(1000 - lse, logSoftmax[0], 1e-12);
        var gradient = Grad((Scalar[] z) => Vec.LogSumExp(z))(Extreme).ToDoubles();
        Assert.Equal(1 / (1 + Math.Exp(-1)), gradient[0], 1e-15);
        Assert.Equal(0.0, gradient[1]);
    }

    [Fact]
    public void CrossEntropy_at_extreme_logits_is_finite()
    {
        var lse = 1000 + Math.Log(1 + Math.Exp(-1));
        Assert.Equal(lse + 1000, Vec.CrossEntropy(Extreme, 1).Value, 1e-12);
        Assert.Equal(lse - 1000, Vec.CrossEntropy(Extreme, 0).Value, 1e-12);
        var g = Grad((Scalar[] z) => Vec.CrossEntropy(z, 1))(Extreme).ToDoubles();
        Assert.Equal(-1.0, g[1]);
        Assert.All(g, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void CrossEntropy_gradient_is_softmax_minus_one_hot()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 5; trial++)
        {
            var z = random.NextDoubles(6).Select(v => 5 * v).ToArray();
            var label = random.Next(6);
            var g = Grad((Scalar[] v) => Vec.CrossEntropy(v, label))(z.ToScalarArray()).ToDoubles();
            var max = z.Max();
            var total = z.Sum(v => Math.Exp(v - max));
            for (var i = 0; i < 6; i++)
                Assert.Equal(Math.Exp(z[i] - max) / total - (i == label ? 1 : 0), g[i], 1e-14);
        }
    }

    [Fact]
    public void Kl_takes_zero_log_zero_as_zero()
    {
        Scalar[] p = [0.0, 0.25, 0.75];
        Scalar[] q = [0.2, 0.3, 0.5];
        var expected = 0.25 * Math.Log(0.25 / 0.3) + 0.75 * Math.Log(0.75 / 0.5);
        Assert.Equal(expected, Vec.Kl(p, q).Value, 1e-15);
        var dq = Grad((Scalar[] v) => Vec.Kl(p, v))(q).ToDoubles();
        Assert.Equal(0.0, dq[0]);
        Assert.Equal(-0.25 / 0.3, dq[1], 1e-15);
        Assert.Equal(-0.75 / 0.5, dq[2], 1e-15);
        Assert.Equal(0.0, Vec.Kl(q, q).Value, 1e-15);
    }

    [Fact]
    public void A_small_network_loss_gradient_matches_finite_differences()
    {
        var x = VecCases.RandomMatrix(4, 3, 21);
        int[] labels = [0, 2, 1, 2];
        Scalar Loss(Scalar[] p)
        {
            var hidden = Vec.Map(Vec.AddToRows(Vec.MatMul(x, Vec.Reshape(p.AsSpan(0, 15), 3, 5)), p[15..20]), Scalar.Tanh);
            var logits = Vec.MatMul(hidden, Vec.Reshape(p.AsSpan(20, 15), 5, 3));
            return Vec.CrossEntropy(logits, labels) + 0.01 * Vec.SquaredNorm(p);
        }
        var point = new Random(22).NextDoubles(35);
        var gradient = Grad(Loss)(point.ToScalarArray()).ToDoubles();
        var numeric = new NumericalDerivative(5, 2);
        for (var i = 0; i < point.Length; i++)
        {
            var fd = numeric.EvaluatePartialDerivative(v => Loss(v.ToScalarArray()).Value, point, i, 1);
            Assert.True(Math.Abs(fd - gradient[i]) < 1e-8, $"∂/∂p{i}: AD {gradient[i]}, finite differences {fd}");
        }
    }
}

public class VecMapTests
{
    [Fact]
    public void Map_closing_over_a_differentiated_value_gets_its_derivative()
    {
        // d/dw Σ tanh(w·aᵢ) = Σ aᵢ(1 − tanh²(w·aᵢ)): the closure must not be treated as a constant
        double[] a = [0.3, -1.2, 2.0];
        var g = Grad((Scalar[] p) => Vec.Sum(Vec.Map([.. a.Select(v => (Scalar)v)], t => Scalar.Tanh(p[0] * t))))([0.7]);
        var expected = a.Sum(v => v * (1 - Math.Pow(Math.Tanh(0.7 * v), 2)));
        Assert.Equal(expected, g[0].Value, 1e-14);
    }

    [Fact]
    public void Map_under_a_closure_and_under_its_own_input_at_once()
    {
        // f(p) = Σ sin(p₀·p_i) over i ≥ 1: derivative towards p₀ through the closure and towards p_i through the map
        var g = Grad((Scalar[] p) => Vec.Sum(Vec.Map(p[1..], t => Scalar.Sin(p[0] * t))))([0.5, 1.0, -2.0]).ToDoubles();
        Assert.Equal(1.0 * Math.Cos(0.5) + -2.0 * Math.Cos(-1.0), g[0], 1e-14);
        Assert.Equal(0.5 * Math.Cos(0.5), g[1], 1e-14);
        Assert.Equal(0.5 * Math.Cos(-1.0), g[2], 1e-14);
    }

    [Fact]
    public void Map_with_a_branch_and_a_constant_result_has_the_right_slopes()
    {
        var g = Grad((Scalar[] p) => Vec.Sum(Vec.Map(p, t => t > 0 ? t * t : 3.0)))([2.0, -1.0, 0.5]).ToDoubles();
        Assert.Equal([4.0, 0.0, 1.0], g);
    }
}
