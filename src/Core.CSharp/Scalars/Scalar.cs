using System.Globalization;

namespace Functional;

/// <summary>
/// The differentiable number. A <see cref="Scalar"/> is a plain constant, a dual number of a
/// forward-mode differentiation, or a variable on the tape of a reverse-mode differentiation; the
/// combinators of <see cref="AD"/> create the latter two, so user code only ever writes ordinary
/// arithmetic on <see cref="Scalar"/>.
/// </summary>
/// <remarks>
/// A value struct: constants and first-order reverse-mode variables allocate nothing.
/// Comparisons and equality look at the primal <see cref="Value"/> only, so control flow
/// (<c>if (x &gt; 0)</c>) works inside differentiated functions.
/// </remarks>
public readonly partial struct Scalar : IEquatable<Scalar>, IComparable<Scalar>, IComparable, IDifferentiable<Scalar>
{
    /// <summary>The primal value with every level of nesting unwrapped.</summary>
    internal readonly double Primal;

    /// <summary>What carries the derivative information: <c>null</c> for a constant; the
    /// <see cref="Differentiation"/> itself for a first-order value (a dual number of a
    /// <see cref="ForwardDifferentiation"/>, tangent in <see cref="Tangent"/>, or a variable of a
    /// <see cref="Tape"/>, slot in <see cref="Slot"/>); or a richer node such as a nested
    /// <see cref="DualNumber"/>. Its <see cref="Node.Owner"/> interprets every operation on it.</summary>
    internal readonly Node? Node;

    /// <summary>The tangent of a first-order dual number or the slot of a tape value (0 for a
    /// constant); read it through <see cref="Tangent"/> or <see cref="Slot"/>.</summary>
    private readonly double aux;

    internal Scalar(double primal) { Primal = primal; Node = null; aux = 0; }

    internal Scalar(double primal, Node node, double aux) { Primal = primal; Node = node; this.aux = aux; }

    /// <summary>A first-order dual number: plain-double primal and tangent, no allocation.</summary>
    internal static Scalar FirstOrderDual(double primal, ForwardDifferentiation owner, double tangent) => new(primal, owner, tangent);

    /// <summary>The value recorded in <paramref name="slot"/> of <paramref name="tape"/>.</summary>
    internal static Scalar OnTape(double primal, Tape tape, int slot) => new(primal, tape, slot);

    /// <summary>The tangent of a first-order dual number (0 for a constant).</summary>
    internal double Tangent => aux;

    /// <summary>The slot of a tape value on its tape.</summary>
    internal int Slot => (int)aux;

    /// <summary>The primal value with every level of nesting unwrapped: an intentional read (the
    /// derivative is dropped). A tracer records such a read as a constant.</summary>
    public double Value => Node is null ? Primal : Observe(this);

    /// <summary>The constant <paramref name="value"/>.</summary>
    public static Scalar Constant(double value) => new(value);

    /// <summary>A constant.</summary>
    public static implicit operator Scalar(double value) => new(value);

    /// <summary>The primal value of a constant or of a finished result.</summary>
    /// <exception cref="InvalidOperationException">The value carries derivative information of a
    /// differentiation that is still running: the cast would silently drop it (use <see cref="Value"/>
    /// for an intentional read, or <see cref="AD.StopGradient"/>).</exception>
    public static explicit operator double(Scalar value) => value.Node is null ? value.Primal : CheckedCast(value);

    /// <summary>True when this value carries no derivative information at any level.</summary>
    internal bool IsConstant => Node is null;

    /// <summary>The nesting level of the differentiation that owns this value (0 for constants).</summary>
    internal int Level => Node is null ? 0 : Node.Owner.Level;

    /// <inheritdoc/>
    public bool Equals(Scalar other) => Compare(Comparison.Equal, this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj switch
    {
        Scalar s => Equals(s),
        double d => Equals(new Scalar(d)),
        _ => false,
    };

    /// <inheritdoc/>
    public override int GetHashCode() => Primal.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Scalar other)
    {
        var order = Primal.CompareTo(other.Primal);
        if (Node is not null || other.Node is not null)
            Observe(order < 0 ? Comparison.Less : order > 0 ? Comparison.Greater : Comparison.Equal, this, other, true);
        return order;
    }

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Scalar s => CompareTo(s),
        double d => CompareTo(new Scalar(d)),
        _ => throw new ArgumentException($"cannot compare a Scalar with a {obj.GetType().Name}", nameof(obj)),
    };

#pragma warning disable CS1591 // comparisons on the primal value, as documented on the type
    public static bool operator ==(Scalar a, Scalar b) => Compare(Comparison.Equal, a, b);
    public static bool operator !=(Scalar a, Scalar b) => Compare(Comparison.NotEqual, a, b);
    public static bool operator <(Scalar a, Scalar b) => Compare(Comparison.Less, a, b);
    public static bool operator <=(Scalar a, Scalar b) => Compare(Comparison.LessOrEqual, a, b);
    public static bool operator >(Scalar a, Scalar b) => Compare(Comparison.Greater, a, b);
    public static bool operator >=(Scalar a, Scalar b) => Compare(Comparison.GreaterOrEqual, a, b);
#pragma warning restore CS1591

    /// <summary>The primal value; a dual or tape value adds a short marker such as <c>2.5 (dual, level 3)</c>.</summary>
    public override string ToString()
    {
        var value = Primal.ToString("R", CultureInfo.InvariantCulture);
        return Node is null ? value : $"{value} ({Node.Owner.Kind}, level {Level})";
    }
}
