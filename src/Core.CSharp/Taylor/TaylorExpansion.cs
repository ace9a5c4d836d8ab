namespace Functional;

/// <summary>
/// One invocation of <see cref="AD.Taylor"/>: a differentiation whose values are truncated Taylor
/// series in one expansion variable. Like every differentiation it takes its level from the
/// process-wide counter, so it nests with forward and reverse mode (a combinator called inside the
/// expanded function works on Taylor values as on any other primal).
/// </summary>
internal sealed class TaylorExpansion(int order) : Differentiation
{
    /// <summary>Coefficients per value: order + 1.</summary>
    public int Length { get; } = order + 1;

    /// <summary>A value of this expansion with the given coefficients (the array is not copied).</summary>
    public Scalar Wrap(double[] coefficients) => new(coefficients[0], new TaylorNumber(this, coefficients), 0);

    /// <summary>A word for messages.</summary>
    public override string Kind => "taylor";

    /// <summary>A value as the enclosing differentiations see it: the coefficients are plain doubles,
    /// so one level down a series is the constant c₀.</summary>
    public override Scalar PrimalOf(Scalar value) => value.Node is TaylorNumber number && number.Owner == this ? new Scalar(value.Primal) : value;

    /// <summary>y = p(x) for a series x of this expansion (the interpreter's one-argument case).</summary>
    public override Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x)
    {
        EnsureActive();
        return Wrap(TaylorRules.Apply(primitive, CoefficientsOf(x), this));
    }

    /// <summary>y = p(a, b) where the higher-level operand is a series of this expansion; the other
    /// must be a constant or a series of this expansion too.</summary>
    public override Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b)
    {
        EnsureActive();
        return Wrap(TaylorRules.Apply(primitive, CoefficientsOf(a), CoefficientsOf(b), this));
    }

    /// <summary>An op (custom rule, checkpoint, vector operation) has a JVP but no Taylor rule.</summary>
    public override void Apply(Op op, ReadOnlySpan<Scalar> x, Span<Scalar> y) =>
        throw new NotSupportedException(
            $"AD.Taylor cannot expand through the operation '{op.Name}' (it has no Taylor rule); use AD.Derivative(f, k), which nests through its JVP.");

    /// <summary>The coefficients of an operand: its own series, or a constant's [v, 0, …].</summary>
    /// <exception cref="InvalidOperationException">The value belongs to another differentiation.</exception>
    public double[] CoefficientsOf(Scalar value)
    {
        if (value.Node is TaylorNumber number && number.Owner == this) return number.Coefficients;
        if (value.Node is null) return TaylorArithmetic.Constant(value.Primal, Length);
        throw new InvalidOperationException(
            "AD.Taylor returns plain double coefficients, so the function it expands must not use a Scalar that " +
            $"carries derivatives of an enclosing differentiation (found {value}). Expand a function of the " +
            "expansion variable and constants only, or use AD.Derivative(f, k), which nests.");
    }
}

/// <summary>The node of a <see cref="Scalar"/> that is a truncated Taylor series of its <see cref="TaylorExpansion"/>.
/// Immutable: every operation makes a new coefficient array.</summary>
internal sealed class TaylorNumber(TaylorExpansion owner, double[] coefficients) : Node(owner)
{
    public readonly double[] Coefficients = coefficients;
}
