using Functional.Tracing;

namespace Functional;

public static partial class AD
{
    /// <summary>Runs f once at x and records it as a static program (its operations, operands and
    /// constants, and a guard for every comparison that steered control flow), which then replays
    /// value, gradient, Hessian-vector products and Hessians on plain doubles. See <see cref="Traced"/>
    /// for guards and what a trace cannot see.</summary>
    /// <param name="f">The function to record.</param>
    /// <param name="x">The point at which to run it; replays may use any point of the same length.</param>
    /// <param name="strict">When true, a replay at a point where a guard fails throws
    /// <see cref="InvalidOperationException"/> instead of tracing f again.</param>
    /// <exception cref="ArgumentNullException">f or x is null.</exception>
    /// <exception cref="NotSupportedException">f uses an operation a trace cannot record (a custom
    /// rule or another op made at run time) or a value of an enclosing differentiation.</exception>
    public static Traced Trace(Func<Scalar[], Scalar> f, double[] x, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        return new Traced(f, Tracer.Record(f, x), strict, compiled: false, x);
    }
}
