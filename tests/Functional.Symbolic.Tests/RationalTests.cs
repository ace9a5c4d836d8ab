using System.Numerics;
using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

public class RationalTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(-3.9)]
    [InlineData(1e-300)]
    [InlineData(5e-324)]
    [InlineData(1.7976931348623157e308)]
    [InlineData(123456789.125)]
    public void Doubles_convert_exactly_both_ways(double x) => Assert.Equal(x, Rational.FromDouble(x).ToDouble());

    [Fact]
    public void Arithmetic_is_exact_and_rounds_once()
    {
        var third = Rational.Of(1, 3);
        Assert.Equal(1.0 / 3, third.ToDouble());
        Assert.True((third + third + third).IsOne);
        // 0.1 + 0.2 exactly is 0.3000000000000000166…, whose nearest double is 0.30000000000000004.
        Assert.Equal(0.1 + 0.2, (Rational.FromDouble(0.1) + Rational.FromDouble(0.2)).ToDouble());
        Assert.Equal(Rational.Of(-2, 4), Rational.Of(1, -2));
        Assert.Equal(-0.5, (Rational.FromDouble(0.25) * Rational.Of(-2, 1)).ToDouble());
        Assert.Equal(2.0 / 3, (Rational.Of(BigInteger.Pow(10, 40) * 2, BigInteger.Pow(10, 40) * 3)).ToDouble());
        Assert.Throws<DivideByZeroException>(() => Rational.Of(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Rational.FromDouble(double.NaN));
    }
}
