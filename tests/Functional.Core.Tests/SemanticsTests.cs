namespace Functional.Core.Tests;

/// <summary>Kinks, domain errors, bad calls, escaped values, long programs and threads.</summary>
public class SemanticsTests
{
    private static readonly Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>[] Modes = [Derivative, Grad];

    [Fact]
    public void Conventions_at_non_smooth_points_in_both_modes()
    {
        foreach (var d in Modes)
        {
            Assert.Equal(0.0, d(Scalar.Abs)(0.0).Value);
            Assert.Equal(0.0, d(Scalar.Relu)(0.0).Value);
            Assert.Equal(1.0, d(Scalar.Relu)(1e-300).Value);
            Assert.Equal(0.5, d(x => Scalar.Max(x, 1.0))(1.0).Value);
            Assert.Equal(0.5, d(x => Scalar.Min(x, 1.0))(1.0).Value);
            Assert.Equal(1.0, d(x => Scalar.Max(x, x))(2.0).Value);
            Assert.Equal(0.0, d(x => Scalar.Pow(x, 2.0))(0.0).Value);
            Assert.Equal(0.0, d(x => Scalar.Pow(x, 1.5))(0.0).Value);
            Assert.Equal(1.0, d(x => Scalar.Pow(x, 1.0))(0.0).Value);
            Assert.Equal(0.0, d(y => Scalar.Pow(0.0, y))(2.0).Value); // no NaN from 0·log 0
            Assert.Equal(0.0, d(x => Scalar.Sign(x))(0.0).Value);
        }
        Assert.Equal(2.0, Derivative(x => Scalar.Pow(x, 2.0), 2)(0.0).Value);
        var (da, db) = Grad(Scalar.Pow)(0.0, 3.0);
        Assert.Equal(0.0, da.Value);
        Assert.Equal(0.0, db.Value);
    }

    [Fact]
    public void Domain_errors_give_NaN_or_infinity_like_System_Math_never_throw()
    {
        foreach (var d in Modes)
        {
            Assert.True(double.IsNaN(Scalar.Log(-1.0).Value));
            Assert.Equal(-1.0, d(Scalar.Log)(-1.0).Value);           // the formula 1/x outside the domain
            Assert.Equal(double.PositiveInfinity, d(Scalar.Log)(0.0).Value);
            Assert.True(double.IsNaN(d(Scalar.Sqrt)(-1.0).Value));
            Assert.True(double.IsNaN(d(Scalar.Asin)(2.0).Value));
            Assert.Equal(double.PositiveInfinity, d(Scalar.Sqrt)(0.0).Value);
            Assert.Equal(double.NegativeInfinity, d(x => 1.0 / x)(0.0).Value);
        }
        Assert.Equal(double.NegativeInfinity, Scalar.Log(0.0).Value);
        Assert.Equal(double.PositiveInfinity, (1.0 / (Scalar)0.0).Value);
    }

    [Fact]
    public void Numerically_stable_forms_for_large_arguments()
    {
        Assert.Equal(800.0, Scalar.Softplus(800.0).Value);
        Assert.Equal(Math.Exp(-800), Scalar.Softplus(-800.0).Value, 1e-320);
        Assert.Equal(1.0, Grad(Scalar.Softplus)(800.0).Value);
        Assert.Equal(0.0, Scalar.Sigmoid(-800.0).Value);
        Assert.Equal(Math.Exp(-700), Scalar.Sigmoid(-700.0).Value, 1e-310);
        Assert.Equal(0.0, Derivative(Scalar.Sigmoid)(-800.0).Value);
        Assert.Equal(1e-20, Scalar.Log1p(1e-20).Value);
        Assert.Equal(1e-20, Scalar.Expm1(1e-20).Value);
        Assert.Equal(1e-10 + 5e-21, Scalar.Expm1(1e-10).Value, 1e-24);
    }

    public static TheoryData<string, Action> BadCalls => new()
    {
        { "null function to Derivative", () => Derivative(null!) },
        { "null function to Grad", () => Grad((Func<Scalar[], Scalar>)null!) },
        { "null function to Grad(x,y)", () => Grad((Func<Scalar, Scalar, Scalar>)null!) },
        { "null function to Jvp", () => Jvp(null!) },
        { "null function to Vjp", () => Vjp(null!) },
        { "null function to Hessian", () => Hessian(null!) },
        { "null function to Hvp", () => Hvp(null!) },
        { "null function to JacRev", () => JacRev(null!) },
        { "null function to JacFwd", () => JacFwd(null!) },
        { "null function to Jacobian", () => Jacobian(null!) },
        { "null function to ValueAndGrad", () => ValueAndGrad(null!) },
        { "null input to Grad", () => Grad((Scalar[] x) => x[0])(null!) },
        { "null input to Hessian", () => Hessian(x => x[0])(null!) },
        { "null tangent to Jvp", () => Jvp(x => x)([1.0], null!) },
        { "null cotangent to a pullback", () => Vjp(x => x)([1.0]).Pullback(null!) },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public void Null_arguments_throw_ArgumentNullException(string what, Action call)
    {
        var e = Assert.Throws<ArgumentNullException>(call);
        Assert.False(string.IsNullOrEmpty(e.ParamName), what);
    }

    [Fact]
    public void Wrong_lengths_throw_ArgumentException_naming_the_problem()
    {
        var jvp = Assert.Throws<ArgumentException>(() => Jvp(x => x)([1.0, 2.0], [1.0, 2.0, 3.0]));
        Assert.Contains("tangent has 3 entries but the input has 2", jvp.Message);
        var hvp = Assert.Throws<ArgumentException>(() => Hvp(x => x[0] * x[1])([1.0, 2.0], [1.0]));
        Assert.Contains("tangent has 1 entries but the input has 2", hvp.Message);
        var pullback = Assert.Throws<ArgumentException>(() => Vjp(x => [x[0], x[0]])([1.0]).Pullback([1.0]));
        Assert.Contains("cotangent has 1 entries but the function has 2 outputs", pullback.Message);
        var returnsNull = Assert.Throws<ArgumentException>(() => JacFwd(_ => null!)([1.0]));
        Assert.Contains("returned null", returnsNull.Message);
        var calls = 0;
        var changing = Assert.Throws<ArgumentException>(() => JacFwd(x => ++calls == 1 ? [x[0]] : [x[0], x[1]])([1.0, 2.0]));
        Assert.Contains("returned 2 values on one call and 1 on another", changing.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Derivative(Scalar.Sin, -1));
    }

    [Fact]
    public void Escaped_forward_value_is_rejected_with_a_clear_message()
    {
        Scalar leaked = 0;
        Derivative(x => { leaked = x; return x * x; })(3.0);
        Assert.Equal(3.0, leaked.Value); // reading the value is harmless
        var e = Assert.Throws<InvalidOperationException>(() => leaked * 2.0);
        Assert.Contains("after the differentiation that created it had returned", e.Message);
        Assert.Throws<InvalidOperationException>(() => Derivative(y => y * leaked)(1.0));
        Assert.Throws<InvalidOperationException>(() => Scalar.Sin(leaked));
    }

    [Fact]
    public void Escaped_reverse_value_is_rejected_with_a_clear_message()
    {
        Scalar leaked = 0;
        Grad((Scalar x) => { leaked = x; return x * x; })(3.0);
        Assert.Throws<InvalidOperationException>(() => leaked + 1.0);
        Assert.Throws<InvalidOperationException>(() => Grad((Scalar y) => y * leaked)(1.0));
        Assert.Throws<InvalidOperationException>(() => Derivative(y => Scalar.Exp(leaked) + y)(1.0));
        // A value returned out of an inner differentiation that has finished is caught too.
        Assert.Throws<InvalidOperationException>(() => Grad((Scalar x) => { Grad((Scalar y) => { leaked = y * x; return y; })(1.0); return leaked; })(2.0));
    }

    [Fact]
    public void Ten_million_operations_differentiate_without_stack_overflow()
    {
        const int steps = 10_000_000;
        // y ← 0.999999·y + 1e-7·x·y⁰ … a linear recurrence with a closed-form derivative.
        Scalar Program(Scalar x)
        {
            var y = x;
            for (var i = 0; i < steps / 3; i++) y = y * 0.9999999 + x * 1e-7 + 0.0;
            return y;
        }
        double expected = 1.0;
        for (var i = 0; i < steps / 3; i++) expected = expected * 0.9999999 + 1e-7;
        Assert.Equal(expected, Grad(Program)(2.0).Value, 1e-9);
        Assert.Equal(expected, Derivative(Program)(2.0).Value, 1e-9);
    }

    [Fact]
    public void Eight_threads_of_ten_thousand_independent_gradients_are_all_exact()
    {
        static Scalar F(Scalar[] x) => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);
        var grad = Grad(F);
        var hessian = Hessian(F);
        var failures = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            for (var k = 0; k < 10_000; k++)
            {
                double x1 = 0.001 * k - 1, x2 = 0.5 + t * 0.1;
                var g = grad([x1, x2]);
                var e = Math.Exp(x1 * x2);
                if (Math.Abs(g[0].Value - (x2 + x2 * e)) > 1e-12 * (1 + Math.Abs(x2 * e))) Interlocked.Increment(ref failures);
                if (Math.Abs(g[1].Value - (x1 + x1 * e - Math.Cos(x2))) > 1e-12 * (1 + Math.Abs(x1 * e))) Interlocked.Increment(ref failures);
                if (k % 100 == 0)
                {
                    var h = hessian([x1, x2]);
                    if (Math.Abs(h[0, 1].Value - (1 + e + x1 * x2 * e)) > 1e-12 * (1 + e + Math.Abs(x1 * x2 * e))) Interlocked.Increment(ref failures);
                }
            }
        });
        Assert.Equal(0, failures);
    }

    [Fact]
    public void Scalar_behaves_like_a_number()
    {
        Scalar a = 2.5;
        Assert.Equal(2.5, (double)a);
        Assert.True(a > 2.0 && a >= 2.5 && a < 3.0 && a <= 2.5 && a == 2.5 && a != 2.0);
        Assert.Equal("2.5", a.ToString());
        Assert.Equal(0.0, default(Scalar).Value);
        Assert.Equal(a, (Scalar)2.5);
        Assert.Equal(a.GetHashCode(), ((Scalar)2.5).GetHashCode());
        Derivative(x => { Assert.Contains("dual", x.ToString()); return x; })(1.0);
        Grad((Scalar x) => { Assert.Contains("tape", x.ToString()); return x; })(1.0);
        Assert.Equal(-1, ((Scalar)1).CompareTo((Scalar)2));
        // control flow on primal values
        var relu = Grad((Scalar x) => x > 0 ? x * x : 0.0);
        Assert.Equal(4.0, relu(2.0).Value);
        Assert.Equal(0.0, relu(-2.0).Value);
    }
}
