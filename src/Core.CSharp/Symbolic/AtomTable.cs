namespace Functional.Symbolic;

/// <summary>Numbers the atoms of a normal form — the subexpressions that are not sums, products or
/// integer powers (variables, sin(u), x^0.5 …) — in order of first appearance.</summary>
internal sealed class AtomTable
{
    private readonly Dictionary<Expr, int> index = new();
    private readonly List<Expr> atoms = [];

    internal int this[Expr atom]
    {
        get
        {
            if (index.TryGetValue(atom, out var i)) return i;
            index[atom] = atoms.Count;
            atoms.Add(atom);
            return atoms.Count - 1;
        }
    }

    internal Expr Atom(int i) => atoms[i];
}
