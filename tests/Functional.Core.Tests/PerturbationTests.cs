namespace Functional.Core.Tests;

/// <summary>Perturbation confusion cannot happen: every invocation draws a fresh level.</summary>
public class PerturbationTests
{
    private static readonly Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>[] Modes = [Derivative, Grad];

    [Fact]
    public void Closed_over_outer_value_in_every_pairing()
    {
        // d/dx [ ∂/∂y (x·y²) at y = x ] = d/dx 2x² = 4x.
        foreach (var outer in Modes)
            foreach (var inner in Modes)
                Assert.Equal(12.0, outer(x => inner(y => x * y * y)(x))(3.0).Value, 1e-13);
    }

    [Fact]
    public void Vector_form_with_gradients_inside_gradients()
    {
        // f(x) = x0 · ∂/∂y0 (x0 + y0 + x1·y1) at y = (1, 1) = x0 → ∇f = (1, 0).
        var g = Grad((Scalar[] x) => x[0] * Grad((Scalar[] y) => x[0] + y[0] + x[1] * y[1])([1.0, 1.0])[0])([1.0, 2.0]);
        Assert.Equal([1.0, 0.0], g.ToDoubles());
        // h(x) = ∂/∂y1 (x0 + y0 + x1·y1) · x1 = x1² → ∇h = (0, 2 x1).
        var h = Grad((Scalar[] x) => Grad((Scalar[] y) => x[0] + y[0] + x[1] * y[1])([1.0, 1.0])[1] * x[1])([1.0, 2.0]);
        Assert.Equal([0.0, 4.0], h.ToDoubles());
    }

    [Fact]
    public void Same_function_differentiated_at_two_levels()
    {
        // D(x ↦ x · D(y ↦ x·y)(x)) = D(x²) = 2x with the same inner closure applied twice.
        Func<Scalar, Scalar> inner = null!;
        var outer = Derivative(x =>
        {
            inner = Derivative(y => x * y);
            return x * inner(x) + 0 * inner(2.0);
        });
        Assert.Equal(6.0, outer(3.0).Value, 1e-14);
    }

    [Fact]
    public void Derivative_of_a_derivative_operator_applied_to_a_closure()
    {
        // Siskind & Pearlmutter's example: D(x ↦ x · D(y ↦ x + y)(1))(1) = 1 at depth three too.
        var r = Derivative(x => x * Derivative(y => x * y * Derivative(z => x + y + z)(1.0))(1.0))(1.0);
        // inner: d/dz(x+y+z) = 1; middle: d/dy(x·y·1) = x; outer: d/dx (x·x) = 2x = 2.
        Assert.Equal(2.0, r.Value, 1e-14);
    }
}
