using static Functional.Core.Tests.Advanced.Reference;

namespace Functional.Core.Tests.Advanced;

public class CustomVjpTests
{
    /// <summary>f(x) = [x₀²·x₁] with its VJP uᵀJ = [2x₀x₁u, x₀²u] written in Scalar operations.</summary>
    private static readonly Func<Scalar[], Scalar[]> Custom = CustomVjp(
        x => [x[0] * x[0] * x[1]],
        (x, u) => [2 * x[0] * x[1] * u[0], x[0] * x[0] * u[0]]);

    [Fact]
    public void Value_and_gradient_match_the_closed_form_in_reverse_mode()
    {
        Close(1.5 * 1.5 * -2.0, Custom(S(1.5, -2.0))[0].Value, 0);
        Close([2 * 1.5 * -2.0, 1.5 * 1.5], Grad(x => Custom(x)[0])(S(1.5, -2.0)).ToDoubles());
        Close(new[,] { { 2 * 1.5 * -2.0, 1.5 * 1.5 } }, JacRev(Custom)(S(1.5, -2.0)).ToDoubles());
    }

    [Fact]
    public void Forward_mode_through_it_throws_no_JVP_rule()
    {
        var error = Assert.Throws<InvalidOperationException>(() => JacFwd(Custom)(S(1.5, -2.0)));
        Assert.Contains("no JVP rule", error.Message);
        Assert.Contains("no JVP rule", Assert.Throws<InvalidOperationException>(() => Derivative(x => Custom([x, 2.0])[0])(1.0)).Message);
        // Hessian is forward over reverse
        Assert.Contains("no JVP rule", Assert.Throws<InvalidOperationException>(() => Hessian(x => Custom(x)[0])(S(1.5, -2.0))).Message);
    }

    [Fact]
    public void Reverse_over_reverse_differentiates_the_rule()
    {
        // ∇²(x₀²x₁) = [[2x₁, 2x₀], [2x₀, 0]]
        var h = JacRev(Grad(x => Custom(x)[0]))(S(1.5, -2.0)).ToDoubles();
        Close(new[,] { { 2 * -2.0, 2 * 1.5 }, { 2 * 1.5, 0 } }, h);
    }

    [Fact]
    public void Inside_an_outer_reverse_differentiation()
    {
        // g(a) = ∂/∂t (a t)²·t at t = 2 = 3a²t² = 12a², g′(a) = 24a
        Scalar G(Scalar a) => Grad((Scalar t) => Custom([a * t, t])[0])(2.0);
        Close(12 * 0.9 * 0.9, G(0.9).Value);
        Close(24 * 0.9, Grad(G)(0.9).Value);
    }

    [Fact]
    public void Gradient_clipping_clips_only_the_cotangent()
    {
        var clip = CustomVjp(x => x, (x, u) => [Scalar.Max(-1.0, Scalar.Min(1.0, u[0]))]);
        Scalar Loss(Scalar w) => 50 * Scalar.Pow(clip([w])[0], 2);
        Close(50 * 0.04, Loss(0.2).Value);               // the identity forward
        Close(1.0, Grad(Loss)(3.0).Value);               // 300 clipped to 1
        Close(-1.0, Grad(Loss)(-3.0).Value);
        Close(100 * 0.002, Grad(Loss)(0.002).Value);     // inside the band: untouched
    }

    [Fact]
    public void Bad_calls_throw_clear_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => CustomVjp(null!, (x, u) => x));
        Assert.Throws<ArgumentNullException>(() => CustomVjp(x => x, null!));
        Assert.Throws<ArgumentNullException>(() => Custom(null!));
        Assert.Throws<ArgumentException>(() => CustomVjp(_ => null!, (x, u) => x)(S(1.0)));
        var wrong = CustomVjp(x => [x[0] + x[1]], (x, u) => [u[0]]);
        Assert.Contains("vjp returned 1 values but f has 2 inputs",
            Assert.Throws<ArgumentException>(() => Grad(x => wrong(x)[0])(S(1, 2))).Message);
        Assert.Throws<ArgumentException>(() => CustomVjp(x => x, (x, u) => null!) is var f ? Grad(x => f(x)[0])(S(1.0)) : null);
    }

    [Fact]
    public void A_rule_capturing_a_value_being_differentiated_throws_instead_of_dropping_its_derivative()
    {
        // the rule scales the cotangent by a captured a: d/dx (x²) = a·2x
        Scalar Inner(Scalar a) => Grad((Scalar x) => CustomVjp(v => [v[0] * v[0]], (v, u) => [a * 2 * v[0] * u[0]])([x])[0])(1.5);
        Close(0.7 * 3, Inner(0.7).Value); // a constant a is fine
        // differentiating in a: the inner tape is first-order (a enters only through the rule), so its
        // sweep runs on doubles and cannot carry a's derivative — an error, never a silent 0
        Assert.Contains("captured", Assert.Throws<InvalidOperationException>(() => Grad(Inner)(0.7)).Message);
        Assert.Contains("captured", Assert.Throws<InvalidOperationException>(() => Derivative(Inner)(0.7)).Message);
    }
}
