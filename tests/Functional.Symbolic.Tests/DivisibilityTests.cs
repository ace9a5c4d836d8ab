using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

/// <summary>The modular test that lets exact division skip divisors that cannot divide: it must never
/// rule out a true divisor, and it should rule out plain non-divisors.</summary>
public class DivisibilityTests
{
    private static Polynomial Atom(int i, int power = 1) => Polynomial.Of(Monomial.Atom(i, power), Rational.One);

    private static Polynomial Number(long c) => Polynomial.Constant(Rational.Of(c, 1));

    private static Polynomial Sum(params Polynomial[] terms) =>
        terms.Aggregate(Polynomial.ZeroPolynomial, (a, b) => Polynomial.Add(a, b, Rational.One));

    private static Polynomial Product(params Polynomial[] factors) =>
        factors.Aggregate(Polynomial.OnePolynomial, Polynomial.Multiply);

    private static Polynomial RandomPolynomial(Random rng)
    {
        var terms = new List<Polynomial>();
        for (var t = 0; t < rng.Next(1, 5); t++)
            terms.Add(Product(Number(rng.Next(-5, 6)), Atom(0, rng.Next(0, 3)), Atom(1, rng.Next(0, 3)), Atom(2, rng.Next(0, 2))));
        return Sum([.. terms]);
    }

    public static TheoryData<string> Divisors => ["x + 2y", "yz + 3", "xy - z/3"];

    private static Polynomial Divisor(string name) => name switch
    {
        "x + 2y" => Sum(Atom(0), Product(Number(2), Atom(1))),
        "yz + 3" => Sum(Product(Atom(1), Atom(2)), Number(3)),
        _ => Sum(Product(Atom(0), Atom(1)), Product(Polynomial.Constant(Rational.Of(-1, 3)), Atom(2))),
    };

    [Theory]
    [MemberData(nameof(Divisors))]
    public void A_multiple_is_never_ruled_out(string divisor)
    {
        var d = Divisor(divisor);
        Assert.NotNull(d.ModularRoot);
        var rng = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var q = RandomPolynomial(rng);
            if (q.IsZero) continue;
            var a = Polynomial.Multiply(q, d);
            Assert.False(Divisibility.CertainlyNotDividing(d, a), $"({divisor})·q ruled out");
            var quotient = Polynomial.TryDivide(a, d, 1000);
            Assert.NotNull(quotient);
            Assert.True(quotient.SameAs(q));
        }
    }

    [Theory]
    [MemberData(nameof(Divisors))]
    public void A_multiple_plus_one_is_ruled_out(string divisor)
    {
        var d = Divisor(divisor);
        var rng = new Random(11);
        for (var i = 0; i < 100; i++)
        {
            var a = Sum(Polynomial.Multiply(RandomPolynomial(rng), d), Number(1));
            Assert.True(Divisibility.CertainlyNotDividing(d, a), $"({divisor})·q + 1 not ruled out");
            Assert.Null(Polynomial.TryDivide(a, d, 1000));
        }
    }

    [Fact]
    public void A_divisor_linear_in_no_atom_gives_no_verdict()
    {
        var d = Sum(Atom(0, 2), Number(1));   // x² + 1
        Assert.Null(d.ModularRoot);
        Assert.False(Divisibility.CertainlyNotDividing(d, Sum(Atom(0, 3), Number(5))));
    }
}
