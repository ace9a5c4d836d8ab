namespace Functional.Core.Tests;

/// <summary>AD.Jacobian chooses forward or reverse mode by the cost model fitted to the crossover benchmark.</summary>
public class JacobianModeTests
{
    /// <summary>The faster mode per shape (n inputs, m outputs) in the README's crossover table
    /// (bench JacobianCrossover; the same in both runs made). The 4 × 4 and 64 × 64 shapes are left out:
    /// the two modes were within 6 % there and swapped places between runs.</summary>
    public static TheoryData<int, int, bool> MeasuredFasterMode() => new()
    {
        // tall: more outputs than inputs
        { 1, 4, true }, { 1, 16, true }, { 1, 64, true }, { 4, 16, true }, { 4, 64, true }, { 16, 64, true },
        // wide: more inputs than outputs
        { 4, 1, false }, { 16, 1, false }, { 16, 4, false }, { 64, 1, false }, { 64, 4, false }, { 64, 16, false },
        // square
        { 1, 1, true }, { 16, 16, false },
    };

    [Theory]
    [MemberData(nameof(MeasuredFasterMode))]
    public void Cost_model_picks_the_mode_the_benchmark_measured_faster(int inputs, int outputs, bool forwardWasFaster) =>
        Assert.Equal(forwardWasFaster, JacobianCostModel.PrefersForward(inputs, outputs));

    [Fact]
    public void Cost_model_is_not_the_naive_shape_rule()
    {
        // A 16 → 64 map is tall, yet a 16 → 16 map is square: the measured sweep cost moves the
        // crossover away from n = m (forward still wins at n = 16 for m = 64, loses at m = 16).
        Assert.True(JacobianCostModel.PrefersForward(16, 64));
        Assert.False(JacobianCostModel.PrefersForward(16, 16));
        Assert.True(JacobianCostModel.PrefersForward(3, 1)); // three dual passes beat recording a tape
    }

    private static Func<Scalar[], Scalar[]> Counting(int outputs, Action called) => x =>
    {
        called();
        var y = new Scalar[outputs];
        for (var i = 0; i < outputs; i++)
        {
            Scalar sum = 0.0;
            for (var j = 0; j < x.Length; j++) sum += Scalar.Sin((i + 1) * x[j]);
            y[i] = sum;
        }
        return y;
    };

    [Theory]
    [InlineData(2, 40, 2, 2)] // tall: forward, the probing pass is the first column
    [InlineData(40, 2, 2, 1)] // wide: one probing pass, then one taped pass; later calls tape only
    [InlineData(20, 20, 2, 1)] // square 20: reverse, as measured at 16 × 16
    public void Jacobian_runs_the_chosen_mode_and_matches_the_closed_form(int n, int m, int firstCallEvaluations, int laterCallEvaluations)
    {
        var evaluations = 0;
        var jacobian = Jacobian(Counting(m, () => evaluations++));
        var x = Enumerable.Range(0, n).Select(j => (Scalar)(0.1 * j - 0.5)).ToArray();
        for (var call = 0; call < 2; call++)
        {
            evaluations = 0;
            var J = jacobian(x);
            Assert.Equal(call == 0 ? firstCallEvaluations : laterCallEvaluations, evaluations);
            for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++)
                    Assert.Equal((i + 1) * Math.Cos((i + 1) * x[j].Value), J[i, j].Value, 1e-14);
        }
    }
}
