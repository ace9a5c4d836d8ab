using System.Numerics;

namespace Functional.Symbolic;

/// <summary>
/// A quick proof that one polynomial does not divide another, so that exact division (which copies
/// the dividend and runs several reduction steps before it fails) is not tried. When d is linear in
/// some atom x, d = x·h + g with h and g free of x, and d divides a, then a vanishes wherever d does:
/// at the point where every other atom takes a fixed value and x = −g/h. Evaluated modulo a prime, a
/// non-zero value of a there proves that d does not divide a; zero proves nothing. Atoms are
/// independent indeterminates here, as in exact division.
/// </summary>
internal static class Divisibility
{
    /// <summary>2³¹ − 1, a prime: products of two residues fit a long.</summary>
    private const long P = int.MaxValue;

    /// <summary>True when d certainly does not divide a (false: not known).</summary>
    internal static bool CertainlyNotDividing(Polynomial d, Polynomial a) =>
        d.ModularRoot is var (atom, value) && Evaluate(a, atom, value) is { } v && v != 0;

    /// <summary>An atom x in which d is linear and the value of x (mod P) at which d vanishes, the other
    /// atoms at their fixed values; null when there is none.</summary>
    internal static (int Atom, long Value)? Root(Polynomial d)
    {
        var candidates = new List<int>();
        foreach (var m in d.Terms.Keys)
            for (var i = 0; i < m.Count; i++)
                if (m.PowerAt(i) == 1 && !candidates.Contains(m.AtomAt(i))) candidates.Add(m.AtomAt(i));
        foreach (var x in candidates)
        {
            long h = 0, g = 0;
            var linear = true;
            foreach (var (m, c) in d.Terms)
            {
                var power = m.PowerOf(x);
                if (power > 1 || Value(m, c, x) is not { } v) { linear = false; break; }
                if (power == 1) h = (h + v) % P;
                else g = (g + v) % P;
            }
            if (linear && h != 0) return (x, Mul(P - g, Inverse(h)));
        }
        return null;
    }

    /// <summary>a at the point (x = value, other atoms at their fixed values), or null when a has a
    /// negative power or a coefficient whose denominator is a multiple of P.</summary>
    private static long? Evaluate(Polynomial a, int x, long value)
    {
        long sum = 0;
        foreach (var (m, c) in a.Terms)
        {
            if (Value(m, c, x) is not { } v) return null;
            var power = m.PowerOf(x);
            sum = (sum + (power == 0 ? v : Mul(v, Pow(value, power)))) % P;
        }
        return sum;
    }

    /// <summary>c·m with atom x left out (mod P).</summary>
    private static long? Value(Monomial m, Rational c, int x)
    {
        if (Residue(c) is not { } v) return null;
        for (var i = 0; i < m.Count; i++)
        {
            if (m.PowerAt(i) < 0) return null;
            if (m.AtomAt(i) != x) v = Mul(v, Pow(AtomValue(m.AtomAt(i)), m.PowerAt(i)));
        }
        return v;
    }

    /// <summary>A fixed, well spread value for each atom.</summary>
    private static long AtomValue(int atom) => (long)(((ulong)(atom + 1) * 0x9E3779B97F4A7C15UL) >> 34) % P + 2;

    private static long? Residue(Rational c)
    {
        var num = (long)BigInteger.Remainder(c.Num, P);
        if (num < 0) num += P;
        if (c.Den.IsOne) return num;
        var den = (long)BigInteger.Remainder(c.Den, P);
        return den == 0 ? null : Mul(num, Inverse(den));
    }

    private static long Mul(long a, long b) => a * b % P;

    private static long Pow(long b, int e)
    {
        if (e == 1) return b % P;   // the usual power of an atom
        long r = 1;
        for (b %= P; e > 0; e >>= 1, b = Mul(b, b))
            if ((e & 1) != 0) r = Mul(r, b);
        return r;
    }

    /// <summary>1/a mod P (a ≠ 0), by Fermat.</summary>
    private static long Inverse(long a) => Pow(a, (int)(P - 2));
}
