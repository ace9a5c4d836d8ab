using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

/// <summary>Forms that make simplified derivatives as short as SymPy's: each pair is checked as text
/// and, at points of a grid where the input is finite, by value.</summary>
public class ShorterFormTests
{
    private static readonly double[] Grid = [-1.7, -0.6, 0, 0.35, 1, 2.25];

    [Theory]
    // the sigmoid slope: with sigmoid while u is short, as 1/(4 cosh(u/2)^2) when that is shorter
    [InlineData("(1 - sigmoid(x))*sigmoid(x)", "(1 - sigmoid(x))*sigmoid(x)")]
    [InlineData("(1 - sigmoid(x*y))*sigmoid(x*y)", "(1 - sigmoid(x*y))*sigmoid(x*y)")]
    [InlineData("(1 - sigmoid(x*y*(z + 2)))*sigmoid(x*y*(z + 2))*y", "y/(4*cosh(x*y*(z + 2)/2)^2)")]
    [InlineData("(3 - 3*sigmoid(x*y))*sigmoid(x*y)", "0.75/cosh(x*y/2)^2")]
    [InlineData("(sigmoid(2*x) - 1)*sigmoid(2*x)", "-1/(4*cosh(x)^2)")]
    // fractions inside a factor cleared against the product's other factors
    [InlineData("1/((z/(3*x + 1) + tanh(y) + 2)*(3*x + 1))", "1/((tanh(y) + 2)*(3*x + 1) + z)")]
    [InlineData("1/((2/(y*z + 1) + 1)^2*(y*z + 1)^2)", "1/(y*z + 3)^2")]
    [InlineData("x/((1/x + 1)*x)", "x/(x + 1)")]
    // sums a part at a time: the fractions together, or the polynomial next to a tangent
    [InlineData("-z^2*(x + 2)/(x*z^2 + 1)^2 + 1/(x*z^2 + 1) + exp(x)", "(-2*z^2 + 1)/(x*z^2 + 1)^2 + exp(x)")]
    [InlineData("x^2*(x + 1) + x^2*(3*x + 2) + 2*x - tan(x)", "x*(4*x^2 + 3*x + 2) - tan(x)")]
    // over the sums' common denominator only, other denominators kept in their terms
    [InlineData("1/((3*x + 10)*cosh(x)^2) - 3*tanh(x)/(3*x + 10)^2", "((3*x + 10)/cosh(x)^2 - 3*tanh(x))/(3*x + 10)^2")]
    // logarithms of powers, roots of square factors
    [InlineData("log(sqrt(x))", "log(x)/2")]
    [InlineData("log(x^3)", "3*log(x)")]
    [InlineData("log(x^1.5*y)", "log(x^1.5*y)")]
    [InlineData("log(x^2)", "log(x^2)")]                    // log|x|·2: not 2*log(x) for x < 0
    [InlineData("sqrt(64*x)", "8*sqrt(x)")]
    [InlineData("sqrt(9*x*y)", "3*sqrt(x*y)")]
    [InlineData("sqrt(2*x)", "sqrt(2*x)")]
    // f/sqrt(g) as (f/g)·sqrt(g) when f and g cancel
    [InlineData("x^2*(x + 3)*exp(x)/sqrt(x^3*exp(x)*y)", "(x + 3)*sqrt(x^3*y*exp(x))/(x*y)")]
    [InlineData("x/sqrt(x*y)", "x/sqrt(x*y)")]
    // signs: a factor of only negative terms gives its −1 to the coefficient
    [InlineData("(-2*x - 2)*sin(x)", "-(2*x + 2)*sin(x)")]
    [InlineData("-((-2*x - 2)*sin(2*x) - cos(2*x))", "(2*x + 2)*sin(2*x) + cos(2*x)")]
    [InlineData("(-x - 1)^2*y", "y*(x + 1)^2")]
    // a sum led by a negative quotient starts from a positive term; polynomials keep degree order
    [InlineData("-exp(2)/(y + 1)^2 + 2*y", "2*y - exp(2)/(y + 1)^2")]
    [InlineData("-8*x + 4", "-8*x + 4")]
    public void Simplifies_to_the_shorter_form_with_the_same_value(string text, string expected)
    {
        var input = Expr.Parse(text);
        var simplified = input.Simplify();
        Assert.Equal(expected, simplified.ToString());
        var checkedPoints = 0;
        foreach (var x in Grid)
            foreach (var y in Grid)
                foreach (var z in Grid)
                {
                    var at = new Dictionary<string, double> { ["x"] = x, ["y"] = y, ["z"] = z };
                    var want = input.Evaluate(at);
                    if (!double.IsFinite(want)) continue;
                    Assert.Equal(want, simplified.Evaluate(at), 1e-12 * Math.Max(1, Math.Abs(want)));
                    checkedPoints++;
                }
        Assert.True(checkedPoints > 0, "no point of the grid where the input is finite");
    }

    [Theory]
    [InlineData("cos(cos(x + x)/(x + 1))", "x", "((2*x + 2)*sin(2*x) + cos(2*x))*sin(cos(2*x)/(x + 1))/(x + 1)^2")]
    [InlineData("sin(y^2) + exp(2)/(log(x)*y + 1)", "y", "2*y*cos(y^2) - log(x)*exp(2)/(y*log(x) + 1)^2")]
    [InlineData("sigmoid(y*x*(2 + z))*y", "z", "x*y^2/(4*cosh(x*y*(z + 2)/2)^2)")]
    [InlineData("sigmoid(x)", "x", "(1 - sigmoid(x))*sigmoid(x)")]
    [InlineData("1/(1 + exp(-(w*x + b)))", "w", "x*(1 - sigmoid(w*x + b))*sigmoid(w*x + b)")]   // the cosh form saves only one operation
    [InlineData("sigmoid(2*x)", "x", "1/(2*cosh(x)^2)")]
    [InlineData("sqrt(exp(x)*(x^3*sin(1)))", "x", "(x + 3)*sqrt(x^3*exp(x)*sin(1))/(2*x)")]
    [InlineData("log(tanh(y + 1) + (z/(3*x + 1) + sqrt(3)))", "z", "1/((tanh(y + 1) + sqrt(3))*(3*x + 1) + z)")]
    public void Derivatives_take_the_shorter_forms(string text, string variable, string expected)
    {
        var input = Expr.Parse(text);
        var derivative = input.Diff(variable).Simplify();
        Assert.Equal(expected, derivative.ToString());
        var unsimplified = input.Diff(variable);
        foreach (var x in Grid)
            foreach (var y in Grid)
            {
                var at = new Dictionary<string, double> { ["x"] = x, ["y"] = y, ["z"] = 0.8, ["w"] = 1.3, ["b"] = -0.4 };
                var want = unsimplified.Evaluate(at);
                if (double.IsFinite(want)) Assert.Equal(want, derivative.Evaluate(at), 1e-10 * Math.Max(1, Math.Abs(want)));
            }
    }
}
