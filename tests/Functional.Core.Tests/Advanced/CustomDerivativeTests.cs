using static Functional.Core.Tests.Advanced.Reference;

namespace Functional.Core.Tests.Advanced;

public class CustomDerivativeTests
{
    private static Scalar StableSoftplusValue(Scalar x) => x > 0 ? x + Scalar.Log1p(Scalar.Exp(-x)) : Scalar.Log1p(Scalar.Exp(x));

    private static readonly Func<Scalar, Scalar> Softplus = CustomDerivative(StableSoftplusValue, Scalar.Sigmoid);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.4)]
    [InlineData(2.5)]
    public void Value_and_derivative_match_the_closed_form_in_forward_and_reverse_mode(double x)
    {
        Close(Math.Log(1 + Math.Exp(x)), Softplus(x).Value, 1e-15);
        Close(Sigmoid(x), Derivative(Softplus)(x).Value);
        Close(Sigmoid(x), Grad(Softplus)(x).Value);
    }

    [Fact]
    public void The_rule_is_used_and_the_inside_of_f_is_not_differentiated()
    {
        // a deliberately different rule: the derivative of x² is declared to be 3x
        var f = CustomDerivative(x => x * x, x => 3 * x);
        Close(4.0, f(2.0).Value);
        Close(6.0, Derivative(f)(2.0).Value);
        Close(6.0, Grad(f)(2.0).Value);
        Close(3.0, Derivative(f, 2)(2.0).Value); // the derivative of the rule
    }

    [Theory]
    [InlineData(-1.2)]
    [InlineData(0.3)]
    public void Second_derivative_is_the_derivative_of_the_rule_in_every_nesting(double x)
    {
        var expected = Sigmoid(x) * (1 - Sigmoid(x));
        Close(expected, Derivative(Softplus, 2)(x).Value);
        Close(expected, Grad(Grad(Softplus))(x).Value);
        Close(expected, Derivative(Grad(Softplus))(x).Value);
        Close(expected, Grad(Derivative(Softplus))(x).Value);
        // third order: σ(1−σ)(1−2σ)
        Close(expected * (1 - 2 * Sigmoid(x)), Derivative(Softplus, 3)(x).Value);
    }

    [Fact]
    public void Hessian_through_a_custom_derivative_matches_the_closed_form()
    {
        // f(x, y) = softplus(x·y): H = σ′(xy)·[[y², xy], [xy, x²]] + σ(xy)·[[0, 1], [1, 0]]
        double x = 0.7, y = -1.1, s = Sigmoid(x * y), ds = s * (1 - s);
        var h = Hessian(v => Softplus(v[0] * v[1]))(S(x, y)).ToDoubles();
        Close(new[,] { { ds * y * y, ds * x * y + s }, { ds * x * y + s, ds * x * x } }, h);
    }

    [Fact]
    public void Inside_an_outer_differentiation_the_rule_sees_the_outer_perturbation()
    {
        // inner: d/dx softplus(a·x) = a·σ(a x); outer: d/da = σ(ax) + a·x·σ′(ax)
        double a = 0.8, x = 1.3, s = Sigmoid(a * x);
        var expected = s + a * x * s * (1 - s);
        Close(expected, Derivative(b => Derivative(t => Softplus(b * t))(x))(a).Value);
        Close(expected, Grad((Scalar b) => Grad((Scalar t) => Softplus(b * t))(x))(a).Value);
        Close(expected, Grad((Scalar b) => Derivative(t => Softplus(b * t))(x))(a).Value);
    }

    [Theory]
    [InlineData(100.0, 100.0, 1.0)]
    [InlineData(-100.0, 3.7200759760208356e-44, 3.7200759760208356e-44)]
    [InlineData(1000.0, 1000.0, 1.0)]
    public void Stable_softplus_has_no_overflow_where_the_naive_formula_fails(double x, double value, double slope)
    {
        // relative: at −100 both are ≈ 3.7e-44, which an absolute tolerance could not tell from 0
        Assert.Equal(1.0, Softplus(x).Value / value, 1e-14);
        Assert.Equal(1.0, Derivative(Softplus)(x).Value / slope, 1e-14);
        Assert.Equal(1.0, Grad(Softplus)(x).Value / slope, 1e-14);
        Assert.False(double.IsNaN(Derivative(Softplus, 2)(x).Value));
        if (x > 709) Assert.True(double.IsNaN(Grad((Scalar t) => Scalar.Log(1 + Scalar.Exp(t)))(x).Value)); // naive: ∞/∞
    }

    [Fact]
    public void Bad_calls_throw_clear_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => CustomDerivative(null!, Scalar.Cos));
        Assert.Throws<ArgumentNullException>(() => CustomDerivative(Scalar.Sin, null!));
        // f capturing a value being differentiated: its derivative would be lost silently
        var error = Assert.Throws<InvalidOperationException>(() =>
            Grad((Scalar a) => CustomDerivative(x => a * x, x => a)(2.0))(1.0));
        Assert.Contains("captured", error.Message);
    }
}
