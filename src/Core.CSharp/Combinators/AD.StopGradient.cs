namespace Functional;

public static partial class AD
{
    /// <summary>The value of <paramref name="x"/> as a constant to every differentiation, at every
    /// level of nesting (PyTorch's <c>detach</c>, JAX's <c>stop_gradient</c>).</summary>
    public static Scalar StopGradient(Scalar x) => new(x.Primal);
}
