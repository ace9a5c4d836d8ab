using Xunit.Abstractions;

namespace Functional.Numeric.Tests;

public class GradCheckTests(ITestOutputHelper output)
{
    private static Scalar Seed(Scalar[] x) => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);

    private static Scalar Rosenbrock(Scalar[] x)
    {
        Scalar sum = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            var a = 1 - x[i];
            var b = x[i + 1] - x[i] * x[i];
            sum += a * a + 100 * b * b;
        }
        return sum;
    }

    /// <summary>A tanh neuron: tanh(w·input + b) with parameters (w₁, w₂, w₃, b), squared error against 0.3.</summary>
    private static readonly double[] Input = [0.5, -1.5, 2.0];

    private static Scalar Neuron(Scalar[] p)
    {
        var z = p[3];
        for (var i = 0; i < 3; i++) z += p[i] * Input[i];
        var e = Scalar.Tanh(z) - 0.3;
        return 0.5 * e * e;
    }

    private static double NeuronValue(double[] p) => Neuron([.. p.Select(v => (Scalar)v)]).Value;

    /// <summary>Hand-written backprop for the neuron: ∂/∂wᵢ = (y − 0.3)(1 − y²)·inputᵢ, ∂/∂b = (y − 0.3)(1 − y²).</summary>
    private static double[] NeuronGradient(double[] p, bool withBug)
    {
        var z = p[3] + p[0] * Input[0] + p[1] * Input[1] + p[2] * Input[2];
        var y = Math.Tanh(z);
        var delta = (y - 0.3) * (1 - y * y);
        // The classic bug: forgetting the input for one weight (here w₂).
        return [delta * Input[0], withBug ? delta : delta * Input[1], delta * Input[2], delta];
    }

    [Fact]
    public void Seed_function_passes_and_its_values_match_the_closed_form()
    {
        var report = GradCheck.Check(Seed, [1.0, 2.0]);
        output.WriteLine(report.ToString());
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(16.7781121978613, report.Components[0].AdValue, 1e-12);
        Assert.Equal(8.805202935477793, report.Components[1].AdValue, 1e-12);
        Assert.All(report.Components, c => Assert.True(c.RelativeError < 1e-12));
        Assert.Contains("GradCheck passed: 2 of 2", report.ToString());
    }

    [Theory]
    [InlineData(new[] { -1.2, 1.0 })]
    [InlineData(new[] { 0.5, -0.3, 1.7, 2.0, -1.0 })]
    [InlineData(new[] { 1.0, 1.0, 1.0 })]   // the minimum: the gradient is exactly 0, judged by the floor
    public void Rosenbrock_passes(double[] x)
    {
        var report = GradCheck.Check(Rosenbrock, x);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(x.Length, report.Components.Count);
    }

    [Fact]
    public void Tanh_neuron_passes_by_AD_and_by_a_correct_hand_written_gradient()
    {
        double[] p = [0.2, -0.4, 0.1, 0.05];
        Assert.True(GradCheck.Check(Neuron, p).Passed);
        var report = GradCheck.Check(NeuronValue, q => NeuronGradient(q, withBug: false), p);
        Assert.True(report.Passed, report.ToString());
    }

    [Fact]
    public void A_wrong_hand_written_gradient_fails_and_names_the_component()
    {
        double[] p = [0.2, -0.4, 0.1, 0.05];
        var report = GradCheck.Check(NeuronValue, q => NeuronGradient(q, withBug: true), p);
        output.WriteLine(report.ToString());

        Assert.False(report.Passed);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(1, failure.Index);
        Assert.False(report.Components[1].Passed);
        Assert.True(report.Components[0].Passed && report.Components[2].Passed && report.Components[3].Passed);
        Assert.True(failure.RelativeError > 0.1);

        var text = report.ToString();
        Assert.StartsWith("GradCheck FAILED", text);
        Assert.Contains("wrong: x[1]", text);
        var rows = text.Split('\n');
        Assert.Contains(rows, r => r.TrimStart().StartsWith("1 ") && r.TrimEnd().EndsWith("FAIL"));
        Assert.Equal(1, rows.Count(r => r.TrimEnd().EndsWith("FAIL")));
    }

    [Fact]
    public void A_small_error_in_a_large_component_is_caught()
    {
        // off by 1e-5 relative: far above Richardson's 1e-13, so the check fails
        Func<double[], double> f = x => Math.Exp(3 * x[0]);
        var report = GradCheck.Check(f, x => [3 * Math.Exp(3 * x[0]) * (1 + 1e-5)], [2.0]);
        Assert.False(report.Passed);
        Assert.True(GradCheck.Check(f, x => [3 * Math.Exp(3 * x[0])], [2.0]).Passed);
    }

    [Fact]
    public void Tolerances_are_parameters()
    {
        Func<double[], double> f = x => x[0] * x[0];
        Func<double[], double[]> slightlyOff = x => [2 * x[0] * (1 + 1e-4)];
        Assert.False(GradCheck.Check(f, slightlyOff, [1.5]).Passed);
        var loose = GradCheck.Check(f, slightlyOff, [1.5], relativeTolerance: 1e-3);
        Assert.True(loose.Passed);
        Assert.Equal(1e-3, loose.RelativeTolerance);
    }

    [Fact]
    public void Bad_calls_name_the_problem()
    {
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => GradCheck.Check((Func<Scalar[], Scalar>)null!, [1.0])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentNullException>(() => GradCheck.Check(x => x[0], null!, [1.0])).ParamName);
        Assert.Throws<ArgumentNullException>(() => GradCheck.Check(Seed, null!));
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => GradCheck.Check(Seed, [])).Message);
        Assert.Contains("x[1] is NaN", Assert.Throws<ArgumentException>(() => GradCheck.Check(Seed, [1.0, double.NaN])).Message);
        Assert.Contains("x[0] is +∞", Assert.Throws<ArgumentException>(() => GradCheck.Check(Seed, [double.PositiveInfinity, 1.0])).Message);
        var wrongLength = Assert.Throws<ArgumentException>(() => GradCheck.Check(x => x[0] * x[1], x => [x[1]], [1.0, 2.0]));
        Assert.Contains("returned 1 values but x has 2 coordinates", wrongLength.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => GradCheck.Check(Seed, [1.0, 2.0], relativeTolerance: -1));
    }
}
