namespace Functional;

/// <summary>
/// One invocation of a combinator, and the interpreter of its mode. Every operation on
/// <see cref="Scalar"/>s whose highest-level operand belongs to this invocation is handed to it:
/// it splits the operands into their parts one level down, applies the operation there (which
/// recursively reaches the enclosing invocations, and finally plain doubles), and attaches its own
/// derivative information to the result using the operation's rule.
/// </summary>
/// <remarks>
/// Interpreters: <see cref="ForwardDifferentiation"/> (dual numbers) and <see cref="Tape"/> (reverse
/// mode). Constants need none: an operation whose operands are all constants runs on doubles.
/// First-order operations usually never reach an interpreter: <see cref="FastLanes"/> handles them.
/// </remarks>
internal abstract class Differentiation : Node
{
    protected Differentiation() : base(null) { }

    /// <summary>The perturbation this invocation introduces.</summary>
    public readonly Tag Tag = Tag.Fresh();

    /// <summary>The order of <see cref="Tag"/>: the higher level is the outer perturbation of an operation.</summary>
    public int Level => Tag.Level;

    /// <summary>Set when the combinator that created this differentiation has returned.</summary>
    public bool Finished { get; private set; }

    /// <summary>A word for <see cref="Scalar.ToString"/>: "dual" or "tape".</summary>
    public abstract string Kind { get; }

    public virtual void Finish() => Finished = true;

    public void EnsureActive()
    {
        if (Finished) throw EscapedValue();
    }

    public static InvalidOperationException EscapedValue() => new(
        "A Scalar was used after the differentiation that created it had returned (it escaped from the " +
        "function being differentiated, e.g. through a captured variable). Use its Value, or differentiate " +
        "the whole computation.");

    /// <summary>True when <paramref name="value"/> carries this invocation's perturbation.</summary>
    public bool Owns(Scalar value) => value.Node is { } node && node.Owner == this;

    /// <summary>The value as the enclosing differentiations see it: its primal one level down
    /// (a value this invocation does not own is returned unchanged).</summary>
    public abstract Scalar PrimalOf(Scalar value);

    /// <summary>y = p(x) where x is owned by this invocation.</summary>
    public abstract Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x);

    /// <summary>y = p(a, b) where the higher-level operand is owned by this invocation.</summary>
    public abstract Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b);

    /// <summary>y = op(x) for an op with k inputs and m outputs, the highest-level input owned by
    /// this invocation.</summary>
    public abstract void Apply(Op op, ReadOnlySpan<Scalar> x, Span<Scalar> y);

    /// <summary>Told of every comparison whose operands' highest level is this invocation; a tracer
    /// records it as a guard. The default lets the enclosing levels see it.</summary>
    public virtual void OnCompare(Comparison comparison, Scalar a, Scalar b, bool outcome) { }

    /// <summary>Told when user code reads the primal (<see cref="Scalar.Value"/>) of a value it owns.</summary>
    public virtual void OnRead(Scalar value) { }
}
