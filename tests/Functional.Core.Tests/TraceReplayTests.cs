namespace Functional.Core.Tests;

/// <summary>A trace replays exactly what the dynamic modes compute, interpreted and compiled.</summary>
public class TraceReplayTests
{
    public static IEnumerable<object[]> Functions => TraceTestFunctions.Named();

    private static double[][] RandomPoints(int n, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray())];
    }

    private static Scalar[] S(double[] x) => [.. x.Select(v => (Scalar)v)];

    private static void Close(double expected, double actual, string what)
    {
        var tolerance = 1e-11 * Math.Max(1.0, Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual) <= tolerance || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{what}: expected {expected:R}, got {actual:R}");
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Value_and_gradient_equal_the_dynamic_ones_at_random_points(string name, Func<Scalar[], Scalar> f, int n)
    {
        var points = RandomPoints(n, 25, name.Length);
        var traced = Trace(f, points[0]);
        foreach (var t in new[] { traced, traced.Compile() })
        {
            var gradient = new double[n];
            foreach (var x in points)
            {
                var (value, expected) = AD.ValueAndGrad(f)(S(x));
                Close(value.Value, t.Value(x), $"{name} value");
                Close(value.Value, t.ValueAndGrad(x, gradient), $"{name} value (with gradient)");
                for (var i = 0; i < n; i++) Close(expected[i].Value, gradient[i], $"{name} ∂/∂x{i}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Hvp_and_Hessian_equal_the_dynamic_ones_at_random_points(string name, Func<Scalar[], Scalar> f, int n)
    {
        var points = RandomPoints(n, 10, name.Length + 1);
        var traced = Trace(f, points[0]);
        var random = new Random(7);
        var hvp = new double[n];
        var hessian = new double[n, n];
        foreach (var x in points)
        {
            var v = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
            var expectedHvp = AD.Hvp(f)(S(x), S(v));
            traced.Hvp(x, v, hvp);
            for (var i = 0; i < n; i++) Close(expectedHvp[i].Value, hvp[i], $"{name} (H·v)[{i}]");

            var expected = AD.Hessian(f)(S(x));
            traced.Hessian(x, hessian);
            for (var i = 0; i < n; i++)
                for (var k = 0; k < n; k++) Close(expected[i, k].Value, hessian[i, k], $"{name} H[{i},{k}]");
        }
    }

    [Fact]
    public void The_Hessian_of_rosenbrock_matches_its_closed_form()
    {
        var x = new[] { 0.3, -0.7, 1.1 };
        var hessian = new double[3, 3];
        Trace(TraceTestFunctions.Rosenbrock, [0.0, 0.0, 0.0]).Hessian(x, hessian);
        double[,] expected =
        {
            { 1200 * x[0] * x[0] - 400 * x[1] + 2, -400 * x[0], 0 },
            { -400 * x[0], 200 + 1200 * x[1] * x[1] - 400 * x[2] + 2, -400 * x[1] },
            { 0, -400 * x[1], 200 },
        };
        for (var i = 0; i < 3; i++)
            for (var k = 0; k < 3; k++) Assert.Equal(expected[i, k], hessian[i, k], 1e-9);
    }

    [Fact]
    public void A_long_program_with_branches_gives_the_dynamic_gradient_compiled_in_many_chunks_and_replayed_in_batches()
    {
        // ~2000 operations: many compiled chunks (of unequal length), values and adjoints crossing them
        Func<Scalar[], Scalar> f = x =>
        {
            Scalar sum = 0, carry = x[0];
            for (var i = 0; i < x.Length - 1; i++)
            {
                var a = x[i + 1] - x[i] * x[i];
                sum += 100.0 * a * a + (1.0 - x[i]) * (1.0 - x[i]);
                carry = carry > 0 ? carry * Scalar.Tanh(x[i + 1]) : carry + Scalar.Sin(x[i + 1]) * x[0];
            }
            return sum + carry * x[x.Length / 2];
        };
        var random = new Random(3);
        var x0 = Enumerable.Range(0, 150).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var replay = Trace(f, x0);
        var compiled = replay.Compile();
        Assert.True(compiled.Operations > 10 * 128);
        var gradient = new double[x0.Length];
        for (var k = 0; k < 5; k++)
        {
            var x = k == 0 ? x0 : x0.Select(v => v + 0.3 * (random.NextDouble() - 0.5)).ToArray();
            var (value, expected) = AD.ValueAndGrad(f)(S(x));
            foreach (var traced in new[] { replay, compiled }) // the replay runs in batches of equal depth here
            {
                Close(value.Value, traced.ValueAndGrad(x, gradient), "value");
                for (var i = 0; i < x.Length; i++) Close(expected[i].Value, gradient[i], $"∂/∂x{i}");
                Close(value.Value, traced.Value(x), "value alone");
            }
        }
    }

    [Fact]
    public void Common_subexpressions_and_equal_constants_are_recorded_once()
    {
        var traced = Trace(x => Scalar.Sin(x[0] * x[1]) + Scalar.Sin(x[1] * x[0]) * 2.0 + 2.0, [1.0, 2.0]);
        Assert.Equal(5, traced.Operations); // x0·x1, sin, ·2, + and + 2
        Assert.Equal(2, traced.Inputs);
    }

    [Fact]
    public void A_program_of_a_million_operations_replays_with_the_closed_form_gradient()
    {
        const int steps = 500_000;
        const double a = 0.99999;
        Func<Scalar[], Scalar> f = x =>
        {
            var s = x[0];
            for (var i = 0; i < steps; i++) s = s * a + x[1];
            return s * s;
        };
        var traced = Trace(f, [1.0, 0.5]);
        Assert.Equal(2 * steps + 1, traced.Operations);

        double x0 = 0.3, x1 = -0.2, power = Math.Pow(a, steps), sum = (1 - power) / (1 - a);
        var s = power * x0 + sum * x1;
        var gradient = new double[2];
        var value = traced.ValueAndGrad([x0, x1], gradient);
        Assert.Equal(s * s, value, 1e-9 * s * s);
        Assert.Equal(2 * s * power, gradient[0], 1e-9 * Math.Abs(s));
        Assert.Equal(2 * s * sum, gradient[1], 1e-9 * Math.Abs(s) * sum);

        var hessian = new double[2, 2];
        traced.Hessian([x0, x1], hessian);
        Assert.Equal(2 * sum * sum, hessian[1, 1], 1e-9 * sum * sum);
        Assert.Equal(2 * power * sum, hessian[0, 1], 1e-9 * sum);
    }

    [Fact]
    public void A_replayed_gradient_allocates_nothing()
    {
        var x = new[] { 0.3, -0.4, 0.9, 0.1, -0.5, 0.7 };
        var gradient = new double[x.Length];
        foreach (var traced in new[] { Trace(TraceTestFunctions.Rosenbrock, x), Trace(TraceTestFunctions.Rosenbrock, x).Compile() })
        {
            traced.ValueAndGrad(x, gradient);
            traced.Value(x);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var k = 0; k < 100; k++)
            {
                x[0] = 0.01 * k;
                traced.ValueAndGrad(x, gradient);
                traced.Value(x);
            }
            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }

    [Fact]
    public void Hvp_and_Hessian_allocate_nothing_once_warm()
    {
        var x = new[] { 0.3, -0.4, 0.9 };
        var v = new[] { 1.0, 0.5, -0.25 };
        var result = new double[3];
        var hessian = new double[3, 3];
        var traced = Trace(TraceTestFunctions.Mixed, x);
        traced.Hvp(x, v, result);
        traced.Hessian(x, hessian);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 50; k++)
        {
            traced.Hvp(x, v, result);
            traced.Hessian(x, hessian);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Results_that_are_an_input_or_a_constant_and_functions_of_no_inputs_replay()
    {
        foreach (var traced in new[] { Trace(x => x[1], [1.0, 2.0]), Trace(x => x[1], [1.0, 2.0]).Compile() })
        {
            var gradient = new double[] { 9, 9 };
            Assert.Equal(5.0, traced.ValueAndGrad([4.0, 5.0], gradient));
            Assert.Equal([0.0, 1.0], gradient);
        }
        foreach (var traced in new[] { Trace(x => 3.0, [1.0]), Trace(x => 3.0, [1.0]).Compile() })
        {
            var gradient = new double[] { 9 };
            Assert.Equal(3.0, traced.ValueAndGrad([4.0], gradient));
            Assert.Equal([0.0], gradient);
            Assert.Equal(0, traced.Operations);
        }
        var empty = Trace(x => Scalar.Exp(1.0), []);
        Assert.Equal(Math.E, empty.ValueAndGrad([], []));
        var hessian = new double[1, 1];
        Trace(x => x[0], [1.0]).Hessian([2.0], hessian);
        Assert.Equal(0.0, hessian[0, 0]);
    }

    [Fact]
    public void Wrong_lengths_and_nulls_are_rejected_with_messages()
    {
        var traced = Trace(TraceTestFunctions.Mixed, [0.1, 0.2, 0.3]);
        Assert.Contains("3 inputs", Assert.Throws<ArgumentException>(() => traced.Value([1.0])).Message);
        Assert.Contains("gradient", Assert.Throws<ArgumentException>(() => traced.ValueAndGrad([1.0, 2, 3], new double[2])).Message);
        Assert.Contains("3 × 3", Assert.Throws<ArgumentException>(() => traced.Hessian([1.0, 2, 3], new double[2, 3])).Message);
        Assert.Throws<ArgumentNullException>(() => Trace(null!, [1.0]));
        Assert.Throws<ArgumentNullException>(() => Trace(TraceTestFunctions.Mixed, null!));
    }
}
