namespace Functional.Core.Tests.Vectors;

/// <summary>Every <see cref="Vec"/> operation against the same computation as a scalar loop, on random
/// inputs: value, Jacobian by reverse mode (the op's pullback) and by forward mode (its JVP rule), and
/// second derivatives through every nesting of modes.</summary>
public class VecAgreementTests
{
    public static TheoryData<string> Names() => [.. VecCases.All.Select(c => c.Name)];

    private static VecCases.Case Find(string name) => VecCases.All.Single(c => c.Name == name);

    private const double Tolerance = 1e-10;

    [Theory]
    [MemberData(nameof(Names))]
    public void Value_equals_the_scalar_loop(string name)
    {
        var c = Find(name);
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var x = VecCases.RandomPoint(c, seed).ToScalarArray();
            AssertClose(c.Loop(x).ToDoubles(), c.Vectorised(x).ToDoubles(), $"{name} value");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Jacobian_by_the_pullback_and_by_the_jvp_rule_equal_the_scalar_loop(string name)
    {
        var c = Find(name);
        var x = VecCases.RandomPoint(c, 4).ToScalarArray();
        var reference = JacFwd(c.Loop)(x).ToDoubles();
        AssertClose(reference, JacRev(c.Vectorised)(x).ToDoubles(), $"{name} reverse");
        AssertClose(reference, JacFwd(c.Vectorised)(x).ToDoubles(), $"{name} forward");
        Assert.Contains(reference.Cast<double>(), v => v != 0);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Second_derivatives_through_every_nesting_equal_the_scalar_loop(string name)
    {
        var c = Find(name);
        var x = VecCases.RandomPoint(c, 5).ToScalarArray();
        var weights = new Random(6).NextDoubles(c.Vectorised(x).Length);
        Func<Scalar[], Scalar> Weighted(Func<Scalar[], Scalar[]> f) => v =>
        {
            var y = f(v);
            Scalar sum = 0;
            for (var i = 0; i < y.Length; i++) sum += weights[i] * y[i];
            return sum;
        };
        var loop = Weighted(c.Loop);
        var vec = Weighted(c.Vectorised);
        var reference = Hessian(loop)(x).ToDoubles();
        AssertClose(reference, Hessian(vec)(x).ToDoubles(), $"{name} forward-over-reverse");
        AssertClose(reference, JacRev(Grad(vec))(x).ToDoubles(), $"{name} reverse-over-reverse");
        AssertClose(reference, JacFwd(GradByForward(vec))(x).ToDoubles(), $"{name} forward-over-forward");
        AssertClose(reference, JacRev(GradByForward(vec))(x).ToDoubles(), $"{name} reverse-over-forward");
        if (name is not ("Sum" or "Mean" or "Add" or "Subtract" or "AddToRows" or "MatVec with double[,]" or "MatMul double[,] by Scalar[,]" or "MatMul Scalar[,] by double[,]"))
            Assert.Contains(reference.Cast<double>(), v => Math.Abs(v) > 1e-6);
    }

    private static Func<Scalar[], Scalar[]> GradByForward(Func<Scalar[], Scalar> f) => x =>
    {
        var row = JacFwd(v => [f(v)])(x);
        return [.. Enumerable.Range(0, x.Length).Select(j => row[0, j])];
    };

    internal static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Close(expected[i], actual[i]), $"{what}[{i}]: {actual[i]} but the scalar loop gives {expected[i]}");
    }

    internal static void AssertClose(double[,] expected, double[,] actual, string what)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++)
                Assert.True(Close(expected[i, j], actual[i, j]), $"{what}[{i},{j}]: {actual[i, j]} but the scalar loop gives {expected[i, j]}");
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= Tolerance * Math.Max(1, Math.Abs(a));
}

internal static class TestArrays
{
    public static Scalar[] ToScalarArray(this double[] values) => [.. values.Select(v => (Scalar)v)];

    public static double[] NextDoubles(this Random random, int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1)];
}
