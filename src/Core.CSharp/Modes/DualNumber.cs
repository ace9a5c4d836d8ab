namespace Functional;

/// <summary>
/// Forward mode, nested: primal + tangent·ε for the perturbation ε of its owner, where primal and
/// tangent are themselves <see cref="Scalar"/>s of lower levels. A first-order dual number (plain-double
/// primal and tangent) is not allocated at all: it is a <see cref="Scalar"/> whose node is its
/// <see cref="ForwardDifferentiation"/> and whose tangent is <see cref="Scalar.Tangent"/>.
/// </summary>
internal sealed class DualNumber(ForwardDifferentiation owner, Scalar primal, Scalar tangent) : Node(owner)
{
    public readonly Scalar Primal = primal;
    public readonly Scalar Tangent = tangent;
}
