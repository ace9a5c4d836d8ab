namespace Functional.Core.Tests;

/// <summary>The dynamic tape grows in chunks: a long program costs ~24 bytes per operation plus the
/// sweep's adjoints, never a doubled-and-copied array.</summary>
public class TapeMemoryTests
{
    [Fact]
    public void Ten_million_recorded_operations_allocate_at_most_forty_bytes_each_and_sweep_correctly()
    {
        const int steps = 5_000_000; // two operations per step
        const double a = 0.9999999;
        var grad = Grad((Scalar[] x) =>
        {
            var s = x[0];
            for (var i = 0; i < steps; i++) s = s * a + x[1];
            return s;
        });
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var gradient = grad([1.0, 2.0]);
        var perOperation = (GC.GetAllocatedBytesForCurrentThread() - before) / (2.0 * steps);
        Assert.True(perOperation <= 40, $"{perOperation:F1} bytes per recorded operation");

        var power = Math.Pow(a, steps);
        Assert.Equal(power, gradient[0].Value, 1e-9);
        Assert.Equal((1 - power) / (1 - a), gradient[1].Value, 1e-6 * (1 - power) / (1 - a));
    }

    [Fact]
    public void Tapes_across_many_chunks_with_groups_and_nesting_give_the_closed_form()
    {
        // 300,000 operations (five chunks), nested: the second derivative of Σ sin(x·k/N) over k
        const int n = 100_000;
        Scalar F(Scalar x)
        {
            Scalar sum = 0;
            for (var k = 0; k < n; k++) sum += Scalar.Sin(x * (k / (double)n));
            return sum;
        }
        double x0 = 0.7, expected = 0;
        for (var k = 0; k < n; k++) expected -= (k / (double)n) * (k / (double)n) * Math.Sin(x0 * k / n);
        Assert.Equal(expected, Grad(Grad(F))(x0).Value, 1e-8 * Math.Abs(expected));
    }
}
