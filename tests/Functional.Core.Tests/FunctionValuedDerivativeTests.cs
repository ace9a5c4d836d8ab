namespace Functional.Core.Tests;

using FunctionValued = Func<Scalar, Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>>;

/// <summary>Derivatives of functions that return functions (Manzyuk et al. 2019): the tag is fresh per application.</summary>
public class FunctionValuedDerivativeTests
{
    private static readonly FunctionValued Shift = x => g => y => g(x + y);

    private static void AssertRelative(double expected, double actual, double tolerance = 1e-13) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Derivative_of_shift_applied_to_exp_is_e_to_the_8()
    {
        AssertRelative(2980.9579870417283, Derivative(Shift)(3.0)(Scalar.Exp)(5.0).Value);
        AssertRelative(Math.Exp(8), Derivative(Shift)(3.0)(Scalar.Exp)(5.0).Value);
    }

    [Fact]
    public void The_same_derivative_applied_to_itself_is_e_to_the_11()
    {
        // f̂ = D(shift)(3); f̂(f̂(exp))(5) = ∂ₐ∂ᵦ exp(a + b + 5) at a = b = 3. One tag per closure
        // would multiply the two perturbations into ε² = 0 or confuse them; a fresh tag per
        // application keeps them apart.
        var fHat = Derivative(Shift)(3.0);
        AssertRelative(59874.14171519782, fHat(fHat(Scalar.Exp))(5.0).Value);
    }

    [Fact]
    public void Derivative_at_zero_applied_twice_is_e()
    {
        var d = Derivative(Shift)(0.0);
        AssertRelative(Math.E, d(d(Scalar.Exp))(1.0).Value);
    }

    [Fact]
    public void Triple_self_application_counts_three_perturbations()
    {
        // Each application adds 2 to the argument and differentiates once: exp(2·3 + 1) at depth 3.
        var d = Derivative(Shift)(2.0);
        AssertRelative(Math.Exp(7), d(d(d(Scalar.Exp)))(1.0).Value);
    }

    [Fact]
    public void The_function_argument_enters_the_derivative_through_the_chain_rule()
    {
        // f(x)(g)(y) = x·g(x·y) ⇒ ∂/∂x = g(xy) + x·y·g′(xy); at x = 2, y = 0.5, g = sin: sin 1 + cos 1.
        FunctionValued scaled = x => g => y => x * g(x * y);
        AssertRelative(Math.Sin(1) + Math.Cos(1), Derivative(scaled)(2.0)(Scalar.Sin)(0.5).Value);
    }

    [Fact]
    public void Nests_inside_forward_mode_in_every_argument()
    {
        var fHat = Derivative(Shift)(3.0);
        // d/dy f̂(exp)(y) = e^(3 + y); d/dx D(shift)(x)(exp)(5) = e^(x + 5).
        AssertRelative(Math.Exp(8), Derivative(y => fHat(Scalar.Exp)(y))(5.0).Value);
        AssertRelative(Math.Exp(8), Derivative(x => Derivative(Shift)(x)(Scalar.Exp)(5.0))(3.0).Value);
        // d/dy f̂(f̂(exp))(y) = e^(6 + y), with the enclosing perturbation the oldest of three.
        AssertRelative(Math.Exp(11), Derivative(y => fHat(fHat(Scalar.Exp))(y))(5.0).Value);
        // Second derivative in x through nested forward mode: d²/dx² of ∂ₓ exp(x + 5).
        AssertRelative(Math.Exp(8), Derivative(x => Derivative(Shift)(x)(Scalar.Exp)(5.0), 2)(3.0).Value);
    }

    [Fact]
    public void Nests_inside_reverse_mode_with_the_right_value()
    {
        var fHat = Derivative(Shift)(3.0);
        AssertRelative(Math.Exp(8), Grad(y => fHat(Scalar.Exp)(y))(5.0).Value);
        AssertRelative(Math.Exp(8), Grad(x => Derivative(Shift)(x)(Scalar.Exp)(5.0))(3.0).Value);
        AssertRelative(Math.Exp(11), Grad(y => fHat(fHat(Scalar.Exp))(y))(5.0).Value);
        // The tape variable x flows into the closure that is applied twice.
        AssertRelative(2 * Math.Exp(2 * 3.0 + 5), Grad(x => { var d = Derivative(Shift)(x); return d(d(Scalar.Exp))(5.0); })(3.0).Value);
    }

    [Fact]
    public void Accepts_reverse_mode_functions_as_the_argument()
    {
        // g = exp′ computed by reverse mode inside the forward perturbation.
        var g = Grad(Scalar.Exp);
        AssertRelative(Math.Exp(8), Derivative(Shift)(3.0)(g)(5.0).Value);
    }

    [Fact]
    public void A_closure_that_escapes_its_reverse_differentiation_fails_clearly()
    {
        Func<Scalar, Scalar>? leaked = null;
        Grad(x =>
        {
            leaked = Derivative(Shift)(x)(Scalar.Exp);
            return x * x;
        })(3.0);
        var error = Assert.Throws<InvalidOperationException>(() => leaked!(5.0));
        Assert.Contains("after the differentiation that created it had returned", error.Message);
    }

    [Fact]
    public void Null_functions_are_named()
    {
        Assert.Throws<ArgumentNullException>(() => Derivative((FunctionValued)null!));
        Assert.Throws<ArgumentNullException>(() => Derivative(Shift)(1.0)(null!));
        var error = Assert.Throws<ArgumentException>(() => Derivative((FunctionValued)(x => null!))(1.0)(Scalar.Exp)(2.0));
        Assert.Contains("f(x)", error.Message);
    }
}
