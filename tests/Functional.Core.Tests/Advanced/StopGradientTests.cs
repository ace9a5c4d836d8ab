using static Functional.Core.Tests.Advanced.Reference;

namespace Functional.Core.Tests.Advanced;

public class StopGradientTests
{
    [Fact]
    public void The_value_is_kept_and_the_derivative_dropped_in_forward_and_reverse_mode()
    {
        static Scalar F(Scalar x) => x * StopGradient(x * x); // derivative x² (the stopped factor), not 3x²
        Assert.Equal(8.0, F(2.0).Value);
        Close(4.0, Derivative(F)(2.0).Value);
        Close(4.0, Grad(F)(2.0).Value);
    }

    [Fact]
    public void Second_derivatives_and_hessians_treat_it_as_a_constant()
    {
        // f(x, y) = x·y·c with c = stop(x): ∂²f/∂x∂y = c, ∂²f/∂x² = ∂²f/∂y² = 0
        static Scalar F(Scalar[] v) => v[0] * v[1] * StopGradient(v[0]);
        var h = Hessian(F)(S(1.5, -0.7)).ToDoubles();
        Close(new double[,] { { 0, 1.5 }, { 1.5, 0 } }, h);
        Close(2 * 1.5, Derivative(x => x * x * StopGradient(x), 2)(1.5).Value);
        Close(2 * 1.5, Grad(Grad((Scalar x) => x * x * StopGradient(x)))(1.5).Value);
    }

    [Fact]
    public void A_value_of_an_outer_differentiation_is_a_constant_to_every_level()
    {
        // inner: d/dx [x · stop(a·x)] = a·x (as a constant), so the outer derivative in a is 0;
        // without the stop it would be d/da (2·a·x) = 2x.
        Close(0.0, Derivative(a => Derivative(x => x * StopGradient(a * x))(2.0))(3.0).Value);
        Close(0.0, Grad((Scalar a) => Grad((Scalar x) => x * StopGradient(a * x))(2.0))(3.0).Value);
        Close(6.0, Derivative(x => x * StopGradient(3.0 * x))(2.0).Value);
        Close(4.0, Derivative(a => Derivative(x => x * (a * x))(2.0))(3.0).Value);
    }
}
