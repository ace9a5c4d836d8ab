namespace Functional;

/// <summary>
/// One invocation of a combinator: the perturbation it introduces. Its <see cref="Level"/> comes
/// from a process-wide counter, so a differentiation started inside another always has the higher
/// level; an operation on values of different levels treats the lower one as a constant of the
/// higher one. That makes perturbation confusion impossible.
/// </summary>
internal abstract class Differentiation
{
    private static int lastLevel;

    /// <summary>Fresh, unique, and higher than every differentiation started before.</summary>
    public readonly int Level = Interlocked.Increment(ref lastLevel);

    /// <summary>Set when the combinator that created this differentiation has returned.</summary>
    public bool Finished { get; private set; }

    public virtual void Finish() => Finished = true;

    public void EnsureActive()
    {
        if (Finished) throw EscapedValue();
    }

    public static InvalidOperationException EscapedValue() => new(
        "A Scalar was used after the differentiation that created it had returned (it escaped from the " +
        "function being differentiated, e.g. through a captured variable). Use its Value, or differentiate " +
        "the whole computation.");
}

/// <summary>One forward-mode invocation (Derivative, Jvp, JacFwd …).</summary>
internal sealed class ForwardDifferentiation : Differentiation
{
    /// <summary>The differentiation of which both operands are first-order dual numbers or constants,
    /// if any: then primal and tangent are plain doubles (a constant's <see cref="Scalar.Aux"/> is 0).</summary>
    public static ForwardDifferentiation? FirstOrderOwner(Scalar a, Scalar b)
    {
        object? na = a.Node, nb = b.Node;
        return (na ?? nb) is ForwardDifferentiation { Finished: false } owner && (na is null || na == owner) && (nb is null || nb == owner)
            ? owner : null;
    }
}
