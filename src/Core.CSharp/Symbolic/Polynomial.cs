using System.Runtime.InteropServices;

namespace Functional.Symbolic;

/// <summary>A product of atoms to integer powers, Π atomᵢ^kᵢ, atoms numbered by an
/// <see cref="AtomTable"/> and kept sorted by number. Exponents may be negative (Laurent monomials,
/// used by <see cref="Expr.Expand()"/>); rational forms keep them non-negative.</summary>
internal readonly struct Monomial : IEquatable<Monomial>
{
    private readonly int[]? atoms;
    private readonly int[]? powers;
    private readonly int hash;

    internal static readonly Monomial One = default;

    internal Monomial(int[] atoms, int[] powers)
    {
        this.atoms = atoms;
        this.powers = powers;
        var h = 17;
        for (var i = 0; i < atoms.Length; i++) h = HashCode.Combine(h, atoms[i], powers[i]);
        hash = h;
    }

    internal static Monomial Atom(int atom, int power = 1) => power == 0 ? One : new([atom], [power]);

    internal int Count => atoms?.Length ?? 0;

    internal Monomial Inverse() => One.Times(this, -1);

    internal int AtomAt(int i) => atoms![i];

    internal int PowerAt(int i) => powers![i];

    internal int Degree
    {
        get
        {
            var d = 0;
            for (var i = 0; i < Count; i++) d += Math.Abs(powers![i]);
            return d;
        }
    }

    internal int PowerOf(int atom)
    {
        for (var i = 0; i < Count; i++) if (atoms![i] == atom) return powers![i];
        return 0;
    }

    /// <summary>this · other^sign (sign ±1).</summary>
    internal Monomial Times(Monomial other, int sign = 1)
    {
        if (other.Count == 0) return this;
        if (Count == 0 && sign == 1) return other;
        // Two passes over the merge, the first only counting: the result is allocated at its size.
        var size = Merge(other, sign, null, null);
        if (size == 0) return One;
        var a = new int[size];
        var p = new int[size];
        Merge(other, sign, a, p);
        return new Monomial(a, p);
    }

    /// <summary>The atoms and non-zero powers of this · other^sign in atom order, written to a and p
    /// when given; returns how many there are.</summary>
    private int Merge(Monomial other, int sign, int[]? a, int[]? p)
    {
        int i = 0, j = 0, n = 0;
        while (i < Count || j < other.Count)
        {
            int atom, power;
            if (j == other.Count || (i < Count && atoms![i] < other.atoms![j])) { atom = atoms![i]; power = powers![i]; i++; }
            else if (i == Count || other.atoms![j] < atoms![i]) { atom = other.atoms![j]; power = sign * other.powers![j]; j++; }
            else { atom = atoms[i]; power = powers![i] + sign * other.powers![j]; i++; j++; }
            if (power == 0) continue;
            if (a is not null) { a[n] = atom; p![n] = power; }
            n++;
        }
        return n;
    }

    /// <summary>True when other divides this among monomials with non-negative powers.</summary>
    internal bool IsDivisibleBy(Monomial other)
    {
        for (var j = 0; j < other.Count; j++)
            if (PowerOf(other.atoms![j]) < other.powers![j]) return false;
        return true;
    }

    /// <summary>Lexicographic order on exponent vectors (atom 0's power first): compatible with
    /// multiplication, which exact division needs.</summary>
    internal int CompareTo(Monomial other)
    {
        int i = 0, j = 0;
        while (i < Count || j < other.Count)
        {
            if (j == other.Count || (i < Count && atoms![i] < other.atoms![j])) return powers![i] > 0 ? 1 : -1;
            if (i == Count || other.atoms![j] < atoms![i]) return other.powers![j] > 0 ? -1 : 1;
            if (powers![i] != other.powers![j]) return powers[i].CompareTo(other.powers[j]);
            i++; j++;
        }
        return 0;
    }

    public bool Equals(Monomial other)
    {
        if (hash != other.hash || Count != other.Count) return false;
        for (var i = 0; i < Count; i++)
            if (atoms![i] != other.atoms![i] || powers![i] != other.powers![i]) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is Monomial m && Equals(m);

    public override int GetHashCode() => hash;
}

/// <summary>A polynomial with exact rational coefficients over numbered atoms: the normal form in
/// which expansion, collection and exact division happen. Immutable once built.</summary>
internal sealed class Polynomial
{
    internal readonly Dictionary<Monomial, Rational> Terms;

    private Polynomial(Dictionary<Monomial, Rational> terms) => Terms = terms;

    internal static Polynomial Constant(Rational c)
    {
        var t = new Dictionary<Monomial, Rational>();
        if (!c.IsZero) t[Monomial.One] = c;
        return new Polynomial(t);
    }

    internal static Polynomial Of(Monomial m, Rational c)
    {
        var t = new Dictionary<Monomial, Rational>();
        if (!c.IsZero) t[m] = c;
        return new Polynomial(t);
    }

    internal static readonly Polynomial ZeroPolynomial = Constant(Rational.Zero);
    internal static readonly Polynomial OnePolynomial = Constant(Rational.One);

    internal int Count => Terms.Count;

    internal bool IsZero => Terms.Count == 0;

    internal bool IsConstant => Terms.Count == 0 || (Terms.Count == 1 && Terms.ContainsKey(Monomial.One));

    internal Rational ConstantValue => Terms.TryGetValue(Monomial.One, out var c) ? c : Rational.Zero;

    internal bool IsOne => IsConstant && ConstantValue.IsOne;

    // Polynomials are never changed once built (TryDivide copies), so these are cached.
    private int? degree;
    private long? bits;
    private (Monomial, Rational)? leading;

    internal int Degree
    {
        get
        {
            if (degree is { } known) return known;
            var d = 0;
            foreach (var m in Terms.Keys) d = Math.Max(d, m.Degree);
            degree = d;
            return d;
        }
    }

    /// <summary>The coefficients' total size in bits: a guard against coefficient explosion.</summary>
    internal long Bits
    {
        get
        {
            if (bits is { } known) return known;
            long b = 0;
            foreach (var c in Terms.Values) b += c.Bits;
            bits = b;
            return b;
        }
    }

    internal (Monomial Monomial, Rational Coefficient) Leading
    {
        get
        {
            if (leading is { } known) return known;
            var first = true;
            (Monomial, Rational) best = default;
            foreach (var (m, c) in Terms)
                if (first || m.CompareTo(best.Item1) > 0) { best = (m, c); first = false; }
            leading = best;
            return best;
        }
    }

    private static (Monomial, Rational) LeadingOf(Dictionary<Monomial, Rational> terms)
    {
        var first = true;
        (Monomial, Rational) best = default;
        foreach (var (m, c) in terms)
            if (first || m.CompareTo(best.Item1) > 0) { best = (m, c); first = false; }
        return best;
    }

    internal static Polynomial Add(Polynomial a, Polynomial b, Rational scaleB)
    {
        var t = new Dictionary<Monomial, Rational>(a.Terms);
        if (scaleB.IsOne) foreach (var (m, c) in b.Terms) Accumulate(t, m, c);   // c·1 is c, unmultiplied
        else foreach (var (m, c) in b.Terms) Accumulate(t, m, c * scaleB);
        return new Polynomial(t);
    }

    internal Polynomial Scale(Rational s)
    {
        if (s.IsZero) return ZeroPolynomial;
        if (s.IsOne) return this;
        var t = new Dictionary<Monomial, Rational>(Terms.Count);
        foreach (var (m, c) in Terms) t[m] = c * s;
        return new Polynomial(t);
    }

    internal Polynomial Times(Monomial factor, Rational scale)
    {
        var t = new Dictionary<Monomial, Rational>(Terms.Count);
        foreach (var (m, c) in Terms) t[m.Times(factor)] = c * scale;
        return new Polynomial(t);
    }

    internal static Polynomial Multiply(Polynomial a, Polynomial b)
    {
        if (a.IsConstant) return b.Scale(a.ConstantValue);
        if (b.IsConstant) return a.Scale(b.ConstantValue);
        var t = new Dictionary<Monomial, Rational>(a.Count * b.Count);
        foreach (var (ma, ca) in a.Terms)
            foreach (var (mb, cb) in b.Terms)
                Accumulate(t, ma.Times(mb), ca * cb);
        return new Polynomial(t);
    }

    private static void Accumulate(Dictionary<Monomial, Rational> t, Monomial m, Rational c)
    {
        if (c.IsZero) return;
        // One lookup: a new monomial is added where t[m] = c would add it.
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(t, m, out var exists);
        if (!exists) slot = c;
        else
        {
            var s = slot + c;
            if (s.IsZero) t.Remove(m); else slot = s;
        }
    }

    /// <summary>a / d when d divides a exactly (as polynomials with non-negative powers), else null;
    /// gives up (null) after <paramref name="maxSteps"/> reduction steps.</summary>
    internal static Polynomial? TryDivide(Polynomial a, Polynomial d, int maxSteps)
    {
        if (d.IsZero) return null;
        if (d.IsConstant) return a.Scale(Rational.One / d.ConstantValue);
        var (lm, lc) = d.Leading;
        // Exact division makes lt(a) = lt(q)·lt(d): most non-divisors are rejected here, uncopied.
        if (a.IsZero) return a;
        if (!a.Leading.Monomial.IsDivisibleBy(lm) || a.Count < 1) return null;
        if (Divisibility.CertainlyNotDividing(d, a)) return null;
        var r = new Dictionary<Monomial, Rational>(a.Terms);
        var q = new Dictionary<Monomial, Rational>();
        var steps = 0;
        while (r.Count > 0)
        {
            if (++steps > maxSteps) return null;
            var (rm, rc) = LeadingOf(r);
            if (!rm.IsDivisibleBy(lm)) return null;
            var tm = rm.Times(lm, -1);
            var tc = rc / lc;
            Accumulate(q, tm, tc);
            foreach (var (m, c) in d.Terms) Accumulate(r, m.Times(tm), -(c * tc));
        }
        return new Polynomial(q);
    }

    /// <summary>The single atom this polynomial is in, or −1 (none, or several).</summary>
    internal int SoleAtom
    {
        get
        {
            var atom = -1;
            foreach (var m in Terms.Keys)
                for (var i = 0; i < m.Count; i++)
                {
                    if (atom == -1) atom = m.AtomAt(i);
                    else if (atom != m.AtomAt(i)) return -2;
                }
            return atom < 0 ? -1 : atom;
        }
    }

    /// <summary>The common monomial factor of all terms (lowest power of each atom) — meaningful for
    /// non-negative powers.</summary>
    internal Monomial Content
    {
        get
        {
            // The first term's atoms (kept sorted) at their lowest power over all terms.
            int[]? atoms = null, low = null;
            foreach (var m in Terms.Keys)
            {
                if (low is null)
                {
                    atoms = new int[m.Count];
                    low = new int[m.Count];
                    for (var i = 0; i < m.Count; i++) (atoms[i], low[i]) = (m.AtomAt(i), m.PowerAt(i));
                    continue;
                }
                for (var i = 0; i < low.Length; i++) low[i] = Math.Min(low[i], m.PowerOf(atoms![i]));
            }
            if (low is null) return Monomial.One;
            var kept = 0;
            foreach (var k in low) if (k > 0) kept++;
            if (kept == 0) return Monomial.One;
            var keptAtoms = new int[kept];
            var keptPowers = new int[kept];
            for (int i = 0, j = 0; i < low.Length; i++)
                if (low[i] > 0) (keptAtoms[j], keptPowers[j++]) = (atoms![i], low[i]);
            return new Monomial(keptAtoms, keptPowers);
        }
    }

    /// <summary>A hash of the terms, independent of their order: equal polynomials hash equally.</summary>
    internal long Hash
    {
        get
        {
            if (hash is { } h) return h;
            long sum = 0;
            foreach (var (m, c) in Terms) sum += StableHash.Mix(m.GetHashCode(), c.GetHashCode());
            hash = sum;
            return sum;
        }
    }

    private long? hash;

    /// <summary>Where this polynomial vanishes, for <see cref="Divisibility"/> (cached).</summary>
    internal (int Atom, long Value)? ModularRoot
    {
        get
        {
            if (!modularRootKnown) (modularRoot, modularRootKnown) = (Divisibility.Root(this), true);
            return modularRoot;
        }
    }

    private (int Atom, long Value)? modularRoot;
    private bool modularRootKnown;

    internal bool SameAs(Polynomial other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (Count != other.Count || Hash != other.Hash) return false;
        foreach (var (m, c) in Terms)
            if (!other.Terms.TryGetValue(m, out var d) || d != c) return false;
        return true;
    }
}
