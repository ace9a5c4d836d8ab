namespace Functional;

/// <summary>
/// Forward mode, nested: primal + tangent·ε for the perturbation ε of <see cref="Owner"/>, where
/// primal and tangent are themselves <see cref="Scalar"/>s of lower levels. A first-order dual
/// number (plain-double primal and tangent) is not allocated at all: it is a <see cref="Scalar"/>
/// whose node is its <see cref="ForwardDifferentiation"/> and whose auxiliary field is the tangent.
/// </summary>
internal sealed class DualNumber(ForwardDifferentiation owner, Scalar primal, Scalar tangent)
{
    public readonly ForwardDifferentiation Owner = owner;
    public readonly Scalar Primal = primal;
    public readonly Scalar Tangent = tangent;

    public static Scalar Make(ForwardDifferentiation owner, Scalar primal, Scalar tangent) =>
        primal.Node is null && tangent.Node is null
            ? new Scalar(primal.Primal, owner, tangent.Primal)
            : new Scalar(primal.Primal, new DualNumber(owner, primal, tangent), 0);

    /// <summary>True when <paramref name="value"/> carries the perturbation of <paramref name="owner"/>.</summary>
    public static bool Varies(Scalar value, ForwardDifferentiation owner) =>
        value.Node == owner || value.Node is DualNumber dual && dual.Owner == owner;

    /// <summary>The primal and tangent of <paramref name="value"/> with respect to <paramref name="owner"/>
    /// (a value of a lower level is a constant: tangent 0).</summary>
    public static (Scalar Primal, Scalar Tangent) Split(Scalar value, ForwardDifferentiation owner)
    {
        if (value.Node == owner) return (new Scalar(value.Primal), new Scalar(value.Aux));
        return value.Node is DualNumber dual && dual.Owner == owner ? (dual.Primal, dual.Tangent) : (value, default);
    }
}
