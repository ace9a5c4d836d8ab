using static Functional.Core.Tests.Advanced.Reference;

namespace Functional.Core.Tests.Advanced;

public class CustomJvpTests
{
    /// <summary>f(x) = [x₀x₁ + e^{x₂}, sin(x₀)·x₂].</summary>
    private static Scalar[] F(Scalar[] x) => [x[0] * x[1] + Scalar.Exp(x[2]), Scalar.Sin(x[0]) * x[2]];

    /// <summary>The true JVP of F, written by hand.</summary>
    private static Scalar[] TrueJvp(Scalar[] x, Scalar[] v) =>
    [
        x[1] * v[0] + x[0] * v[1] + Scalar.Exp(x[2]) * v[2],
        Scalar.Cos(x[0]) * x[2] * v[0] + Scalar.Sin(x[0]) * v[2],
    ];

    private static readonly Func<Scalar[], Scalar[]> Custom = CustomJvp(F, TrueJvp);

    private static double[,] ClosedFormJacobian(double[] x) => new[,]
    {
        { x[1], x[0], Math.Exp(x[2]) },
        { Math.Cos(x[0]) * x[2], 0, Math.Sin(x[0]) },
    };

    [Fact]
    public void Value_and_jacobian_match_the_closed_form_in_forward_and_reverse_mode()
    {
        double[] x = [0.6, -1.4, 0.3];
        Close(Values(F(S(x))), Values(Custom(S(x))), 0);
        Close(ClosedFormJacobian(x), JacFwd(Custom)(S(x)).ToDoubles());
        Close(ClosedFormJacobian(x), JacRev(Custom)(S(x)).ToDoubles()); // by transposing the JVP
    }

    [Fact]
    public void Reverse_mode_transposes_the_rule_rather_than_differentiating_f()
    {
        var doubled = CustomJvp(F, (x, v) => [.. TrueJvp(x, v).Select(t => 2 * t)]);
        double[] x = [0.6, -1.4, 0.3];
        var expected = ClosedFormJacobian(x);
        var twice = new double[2, 3];
        for (var i = 0; i < 2; i++) for (var j = 0; j < 3; j++) twice[i, j] = 2 * expected[i, j];
        Close(twice, JacRev(doubled)(S(x)).ToDoubles());
        Close(twice, JacFwd(doubled)(S(x)).ToDoubles());
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Property_a_custom_jvp_from_the_true_jvp_gives_the_gradients_of_plain_AD(int seed)
    {
        var random = new Random(seed);
        double[] x = [.. Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 4 - 2)];
        double[] u = [random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1];
        Scalar Loss(Func<Scalar[], Scalar[]> f, Scalar[] v) { var y = f(v); return u[0] * y[0] + u[1] * y[1]; }

        var plain = Grad(v => Loss(F, v))(S(x)).ToDoubles();
        Close(plain, Grad(v => Loss(Custom, v))(S(x)).ToDoubles(), 1e-13, "reverse");
        Close(plain, GradFwd(v => Loss(Custom, v))(S(x)).ToDoubles(), 1e-13, "forward");
        Close(Hessian(v => Loss(F, v))(S(x)).ToDoubles(), Hessian(v => Loss(Custom, v))(S(x)).ToDoubles(), 1e-12, "hessian");
    }

    [Fact]
    public void Second_derivatives_nest_in_every_combination()
    {
        double[] x = [0.6, -1.4, 0.3];
        static Scalar Loss(Func<Scalar[], Scalar[]> f, Scalar[] v) => f(v)[1];
        // ∂²(sin x₀ · x₂): [[−sin x₀·x₂, 0, cos x₀], [0, 0, 0], [cos x₀, 0, 0]]
        var expected = new[,] { { -Math.Sin(x[0]) * x[2], 0, Math.Cos(x[0]) }, { 0, 0, 0 }, { Math.Cos(x[0]), 0, 0 } };
        Close(expected, Hessian(v => Loss(Custom, v))(S(x)).ToDoubles(), 1e-13, "fwd∘rev");
        Close(expected, JacRev(Grad(v => Loss(Custom, v)))(S(x)).ToDoubles(), 1e-13, "rev∘rev");
        Close(expected, JacFwd(GradFwd(v => Loss(Custom, v)))(S(x)).ToDoubles(), 1e-13, "fwd∘fwd");
        Close(expected, JacRev(GradFwd(v => Loss(Custom, v)))(S(x)).ToDoubles(), 1e-13, "rev∘fwd");
    }

    [Fact]
    public void Inside_an_outer_differentiation()
    {
        // g(a) = ∂/∂t f(a·t, t, a)₀ at t = 2 = a·x₁ + x₀ = 2a + 2a = 4a, so g′(a) = 4;
        // and h(a) = ∂/∂t f(a·t, t, a)₁ = a·cos(a t)·a, h′(a) = 2a·cos(2a) − 2a²·sin(2a)
        const double a = 0.7;
        Scalar G(Scalar b) => Derivative(t => Custom([b * t, t, b])[0])(2.0);
        Scalar H(Scalar b) => Grad((Scalar t) => Custom([b * t, t, b])[1])(2.0);
        Close(4.0, Derivative(G)(a).Value);
        Close(4.0, Grad(G)(a).Value);
        Close(2 * a * Math.Cos(2 * a) - 2 * a * a * Math.Sin(2 * a), Derivative(H)(a).Value);
        Close(2 * a * Math.Cos(2 * a) - 2 * a * a * Math.Sin(2 * a), Grad(H)(a).Value);
    }

    [Fact]
    public void Bad_calls_throw_clear_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => CustomJvp(null!, TrueJvp));
        Assert.Throws<ArgumentNullException>(() => CustomJvp(F, null!));
        Assert.Throws<ArgumentNullException>(() => Custom(null!));
        Assert.Throws<ArgumentException>(() => CustomJvp(_ => null!, TrueJvp)(S(1, 2, 3)));
        var shortRule = CustomJvp(F, (x, v) => [v[0]]);
        var forward = Assert.Throws<ArgumentException>(() => JacFwd(shortRule)(S(1, 2, 3)));
        Assert.Contains("jvp returned 1 values but f has 2 outputs", forward.Message);
        Assert.Throws<ArgumentException>(() => JacRev(shortRule)(S(1, 2, 3)));
        Assert.Throws<InvalidOperationException>(() => Grad((Scalar a) => CustomJvp(x => [x[0] * a], TrueJvp)([a])[0])(1.0));
    }
}
