namespace Functional;

/// <summary>
/// What a non-constant <see cref="Scalar"/> points at: either its <see cref="Differentiation"/>
/// itself (a first-order value: tangent or tape slot in the scalar) or a richer node of that
/// differentiation (a nested dual number). <see cref="Owner"/> is the interpreter that processes
/// every operation whose highest-level operand this is.
/// </summary>
internal abstract class Node
{
    /// <summary>The differentiation (and so the interpreter and the tag) this value belongs to.</summary>
    public Differentiation Owner { get; }

    protected Node(Differentiation? owner) => Owner = owner ?? (Differentiation)this;
}
