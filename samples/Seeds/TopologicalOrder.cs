using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Seed 000's warning: d = ln(1/(2x)) + 2x at x = 1. The node a = 2x is used twice, so its
/// adjoint is complete only after both uses are swept; a sweep in visit order (not topological)
/// gets 2, the right answer is d′(1) = −1/x + 2 = 1. Our tape is a creation-ordered Wengert list,
/// already topological, swept backwards by a plain loop.</summary>
public static class TopologicalOrder
{
    /// <summary>d(x) = ln(1/(2x)) + 2x, built the way the seed builds it.</summary>
    public static Scalar D(Scalar x)
    {
        var a = x * 2;
        var b = 1 / a;
        var c = Scalar.Log(b);
        return c + a;
    }

    /// <summary>Prints the value and the derivative in both modes.</summary>
    public static void Run(TextWriter output)
    {
        output.WriteLine($"d(1)                = {Number(D(1.0))}");
        output.WriteLine($"d'(1), reverse      = {Number(Grad(D)(1.0))}   (a visit-order sweep gets 2)");
        output.WriteLine($"d'(1), forward      = {Number(Derivative(D)(1.0))}");
    }
}
