namespace Functional;

public static partial class AD
{
    /// <summary>The Jacobian, by whichever mode is cheaper for its shape: reverse when there are
    /// no more outputs than inputs, forward otherwise.</summary>
    public static Func<Scalar[], Scalar[,]> Jacobian(Func<Scalar[], Scalar[]> f)
    {
        var vjp = Vjp(f);
        var jacFwd = JacFwd(f);
        return x =>
        {
            var recorded = vjp(CheckInput(x));
            return recorded.Value.Length <= x.Length ? JacobianFromPullback(recorded, x.Length) : jacFwd(x);
        };
    }

    /// <summary>The Hessian of a scalar function, forward-over-reverse: <c>JacFwd(Grad(f))</c>.</summary>
    public static Func<Scalar[], Scalar[,]> Hessian(Func<Scalar[], Scalar> f) => JacFwd(Grad(f));

    /// <summary>Hessian-vector product H(x)·v without forming H (forward-over-reverse, cost of ~2 gradients).</summary>
    /// <exception cref="ArgumentException">v and x differ in length.</exception>
    public static Func<Scalar[], Scalar[], Scalar[]> Hvp(Func<Scalar[], Scalar> f)
    {
        var jvp = Jvp(Grad(f));
        return (x, v) => jvp(x, v).Tangent;
    }
}
