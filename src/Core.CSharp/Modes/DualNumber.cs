namespace Functional;

/// <summary>
/// Forward mode: primal + tangent·ε for the perturbation ε of <see cref="Owner"/>. Primal and
/// tangent are themselves <see cref="Scalar"/>s of lower levels, which is how forward mode nests.
/// </summary>
internal sealed class DualNumber(ForwardDifferentiation owner, Scalar primal, Scalar tangent)
{
    public readonly ForwardDifferentiation Owner = owner;
    public readonly Scalar Primal = primal;
    public readonly Scalar Tangent = tangent;

    public static Scalar Make(ForwardDifferentiation owner, Scalar primal, Scalar tangent) =>
        new(primal.Primal, new DualNumber(owner, primal, tangent), 0);

    /// <summary>The primal and tangent of <paramref name="value"/> with respect to <paramref name="owner"/>
    /// (a value of a lower level is a constant: tangent 0).</summary>
    public static (Scalar Primal, Scalar Tangent) Split(Scalar value, ForwardDifferentiation owner) =>
        value.Node is DualNumber dual && dual.Owner == owner ? (dual.Primal, dual.Tangent) : (value, default);
}
