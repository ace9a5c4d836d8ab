using System.Numerics;

namespace Functional.Symbolic;

/// <summary>An exact rational number num/den (den &gt; 0, lowest terms). Every finite double is one
/// (a dyadic fraction), so polynomial arithmetic on the constants of an expression is exact.</summary>
internal readonly struct Rational : IEquatable<Rational>
{
    private Rational(BigInteger num, BigInteger den)
    {
        Num = num;
        this.den = den;
    }

    internal BigInteger Num { get; }

    internal BigInteger Den => den.IsZero ? BigInteger.One : den;

    private readonly BigInteger den;

    internal static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One);
    internal static readonly Rational One = new(BigInteger.One, BigInteger.One);

    internal bool IsZero => Num.IsZero;

    internal bool IsOne => Num.IsOne && Den.IsOne;

    internal static Rational Of(BigInteger num, BigInteger den)
    {
        if (den.IsZero) throw new DivideByZeroException("rational with zero denominator");
        if (den.Sign < 0) { num = -num; den = -den; }
        if (den.IsOne) return new Rational(num, den);
        if (num.IsZero) return Zero;
        if (den.IsPowerOfTwo)
        {
            // Constants from doubles are dyadic and stay so under + − ×: reduce by shifting, no gcd.
            var shift = (int)Math.Min((long)BigInteger.TrailingZeroCount(num), (long)den.GetBitLength() - 1);
            return shift == 0 ? new Rational(num, den) : new Rational(num >> shift, den >> shift);
        }
        var g = BigInteger.GreatestCommonDivisor(num, den);
        return g.IsOne || g.IsZero ? new Rational(num, den) : new Rational(num / g, den / g);
    }

    /// <summary>The exact value of a finite double.</summary>
    internal static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), "only finite doubles are rational");
        if (value == 0) return Zero;
        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075;
        var num = new BigInteger(value < 0 ? -mantissa : mantissa);
        return exponent >= 0 ? new Rational(num << exponent, BigInteger.One) : Of(num, BigInteger.One << -exponent);
    }

    /// <summary>The largest denominator <see cref="Readable"/> tries.</summary>
    internal const long MaxReadableDenominator = 1000;

    /// <summary>The fraction p/q with the smallest q ≤ <see cref="MaxReadableDenominator"/> whose
    /// nearest double is <paramref name="value"/> (0.3333333333333333 → 1/3, 0.5 → 1/2), or null.
    /// Such a constant was almost surely written as that fraction, so algebra on it stays readable
    /// instead of carrying the double's 53-bit binary expansion.</summary>
    internal static (long P, long Q)? Readable(double value)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > 1e12) return null;
        // Convergents of the continued fraction of |value|.
        var x = Math.Abs(value);
        long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
        for (var step = 0; step < 40; step++)
        {
            var a = Math.Floor(x);
            if (a > 1e12) break;
            var ai = (long)a;
            var (p2, q2) = (ai * p1 + p0, ai * q1 + q0);
            if (q2 > MaxReadableDenominator) break;
            if ((double)p2 / q2 == Math.Abs(value)) return (value < 0 ? -p2 : p2, q2);
            (p0, q0, p1, q1) = (p1, q1, p2, q2);
            var frac = x - a;
            if (frac == 0) break;
            x = 1 / frac;
        }
        return null;
    }

    /// <summary>The readable fraction of a double when it has one (see <see cref="Readable"/>),
    /// else its exact value.</summary>
    internal static Rational FromDoubleReadable(double value) =>
        Readable(value) is var (p, q) ? Of(p, q) : FromDouble(value);

    /// <summary>The nearest double (infinite when out of range).</summary>
    internal double ToDouble()
    {
        if (Den.IsOne) return (double)Num;
        var a = BigInteger.Abs(Num);
        // An integer quotient of 63–64 bits with a sticky bit for a non-zero remainder: converting
        // it to double rounds once, correctly (ties to even), then the scaling is exact.
        var shift = 63 - (int)(a.GetBitLength() - Den.GetBitLength());
        var q = BigInteger.DivRem(shift >= 0 ? a << shift : a, shift >= 0 ? Den : Den << -shift, out var remainder);
        var bits = (ulong)q | (remainder.IsZero ? 0UL : 1UL);
        var d = Math.ScaleB((double)bits, -shift);
        return Num.Sign < 0 ? -d : d;
    }

    /// <summary>Bits in numerator and denominator: the cost of arithmetic on it.</summary>
    internal long Bits => Num.GetBitLength() + Den.GetBitLength();

    public static Rational operator +(Rational a, Rational b) =>
        a.Den == b.Den ? Of(a.Num + b.Num, a.Den) : Of(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);

    public static Rational operator -(Rational a, Rational b) => a + -b;

    public static Rational operator -(Rational a) => new(-a.Num, a.Den);

    public static Rational operator *(Rational a, Rational b) => Of(a.Num * b.Num, a.Den * b.Den);

    public static Rational operator /(Rational a, Rational b) => Of(a.Num * b.Den, a.Den * b.Num);

    public static bool operator ==(Rational a, Rational b) => a.Num == b.Num && a.Den == b.Den;

    public static bool operator !=(Rational a, Rational b) => !(a == b);

    public bool Equals(Rational other) => this == other;

    public override bool Equals(object? obj) => obj is Rational r && this == r;

    public override int GetHashCode() => HashCode.Combine(Num, Den);

    public override string ToString() => Den.IsOne ? Num.ToString() : $"{Num}/{Den}";
}
