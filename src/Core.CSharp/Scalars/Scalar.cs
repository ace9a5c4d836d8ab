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
    /// <see cref="ForwardDifferentiation"/> itself for a first-order dual number (tangent in
    /// <see cref="Aux"/>, no allocation); a <see cref="DualNumber"/> for a nested dual number; or the
    /// <see cref="Tape"/> that records this value (slot in <see cref="Aux"/>).</summary>
    internal readonly object? Node;

    /// <summary>The tangent of a first-order dual number, the slot of a tape value, 0 otherwise.</summary>
    internal readonly double Aux;

    internal Scalar(double primal) { Primal = primal; Node = null; Aux = 0; }

    internal Scalar(double primal, object node, double aux) { Primal = primal; Node = node; Aux = aux; }

    /// <summary>The slot of a tape value on its tape.</summary>
    internal int Slot => (int)Aux;

    /// <summary>The primal value with every level of nesting unwrapped.</summary>
    public double Value => Primal;

    /// <summary>The constant <paramref name="value"/>.</summary>
    public static Scalar Constant(double value) => new(value);

    /// <summary>A constant.</summary>
    public static implicit operator Scalar(double value) => new(value);

    /// <summary>The primal value (derivative information is dropped).</summary>
    public static explicit operator double(Scalar value) => value.Primal;

    /// <summary>True when this value carries no derivative information at any level.</summary>
    internal bool IsConstant => Node is null;

    /// <summary>The nesting level of the differentiation that owns this value (0 for constants).</summary>
    internal int Level => Node switch
    {
        null => 0,
        Tape tape => tape.Level,
        DualNumber dual => dual.Owner.Level,
        ForwardDifferentiation forward => forward.Level,
        TaylorNumber taylor => taylor.Owner.Level,
        _ => throw new InvalidOperationException("unknown scalar node"),
    };

    /// <inheritdoc/>
    public bool Equals(Scalar other) => Primal.Equals(other.Primal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj switch
    {
        Scalar s => Equals(s),
        double d => Primal.Equals(d),
        _ => false,
    };

    /// <inheritdoc/>
    public override int GetHashCode() => Primal.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(Scalar other) => Primal.CompareTo(other.Primal);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Scalar s => CompareTo(s),
        double d => Primal.CompareTo(d),
        _ => throw new ArgumentException($"cannot compare a Scalar with a {obj.GetType().Name}", nameof(obj)),
    };

#pragma warning disable CS1591 // comparisons on the primal value, as documented on the type
    public static bool operator ==(Scalar a, Scalar b) => a.Primal == b.Primal;
    public static bool operator !=(Scalar a, Scalar b) => a.Primal != b.Primal;
    public static bool operator <(Scalar a, Scalar b) => a.Primal < b.Primal;
    public static bool operator <=(Scalar a, Scalar b) => a.Primal <= b.Primal;
    public static bool operator >(Scalar a, Scalar b) => a.Primal > b.Primal;
    public static bool operator >=(Scalar a, Scalar b) => a.Primal >= b.Primal;
#pragma warning restore CS1591

    /// <summary>The primal value; a dual or tape value adds a short marker such as <c>2.5 (dual, level 3)</c>.</summary>
    public override string ToString()
    {
        var value = Primal.ToString("R", CultureInfo.InvariantCulture);
        return Node switch
        {
            null => value,
            Tape tape => $"{value} (tape, level {tape.Level})",
            DualNumber dual => $"{value} (dual, level {dual.Owner.Level})",
            ForwardDifferentiation forward => $"{value} (dual, level {forward.Level})",
            _ => value,
        };
    }
}
