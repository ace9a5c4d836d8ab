using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Seed 001's first graph: c = −b, d = a + b, e = a + c, f = d·e, L = f·b at a = 1, b = 2.
/// The tutorial finds L = −6, ∂L/∂a = 4, ∂L/∂b = −11, and that one step of size 0.01 against either
/// partial lowers L (to −6.1568 and −7.283931).</summary>
public static class MicrogradExpression
{
    /// <summary>L(a, b) built node by node as in the tutorial.</summary>
    public static Scalar L(Scalar[] p)
    {
        Scalar a = p[0], b = p[1];
        var c = -b;
        var d = a + b;
        var e = a + c;
        var f = d * e;
        return f * b;
    }

    /// <summary>Prints L, its gradient, and L after a step along each partial.</summary>
    public static void Run(TextWriter output)
    {
        var (value, gradient) = ValueAndGrad(L)([1.0, 2.0]);
        const double alpha = 0.01;
        output.WriteLine($"L(1,2)              = {Number(value)}");
        output.WriteLine($"dL/da, dL/db        = {Vector(gradient)}");
        output.WriteLine($"L after a -= 0.01*dL/da = {Number(L([1.0 - alpha * gradient[0].Value, 2.0]))}");
        output.WriteLine($"L after b -= 0.01*dL/db = {Number(L([1.0, 2.0 - alpha * gradient[1].Value]))}");
    }
}
