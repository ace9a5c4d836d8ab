using System.Text;
using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

public class ParserTests
{
    private static double Eval(string text, double x = 3) =>
        Expr.Parse(text).Evaluate(new Dictionary<string, double> { ["x"] = x, ["y"] = 2 });

    [Theory]
    [InlineData("2^3^2", 512)]
    [InlineData("2**3**2", 512)]
    [InlineData("(2^3)^2", 64)]
    [InlineData("-2^2", -4)]
    [InlineData("(-2)^2", 4)]
    [InlineData("2*-3", -6)]
    [InlineData("2^-1", 0.5)]
    [InlineData("2^-x", 0.125)]
    [InlineData("1-2-3", -4)]
    [InlineData("8/4/2", 1)]
    [InlineData("-x^2", -9)]
    [InlineData("2+3*4", 14)]
    [InlineData("(2+3)*4", 20)]
    [InlineData("-x*y", -6)]
    [InlineData("--x", 3)]
    [InlineData("+x", 3)]
    [InlineData("x - -y", 5)]
    [InlineData("2*x^2/y", 9)]
    [InlineData(".5 + 0.5 + 1e-3 + 1E+1", 11.001)]
    [InlineData("pow(2, 10)", 1024)]
    [InlineData("atan2(1, 1) * 4", Math.PI)]
    [InlineData("max(x, y) - min(x, y)", 1)]
    [InlineData("xlogy(0, 0)", 0)]
    [InlineData("log(e)", 1)]
    [InlineData("cos(pi)", -1)]
    [InlineData("sqrt ( x * 3 )", 3)]
    [InlineData("  x_1_ignored_name_is_a_variable_not_x  ", double.NaN)]
    public void Precedence_and_associativity(string text, double expected)
    {
        if (double.IsNaN(expected))
        {
            Assert.Throws<KeyNotFoundException>(() => Eval(text));
            return;
        }
        Assert.Equal(expected, Eval(text), 1e-14);
    }

    [Fact]
    public void Power_binds_tighter_than_unary_minus_and_products_tree_shapes()
    {
        Assert.Equal(-Expr.Pow(Expr.Var("x"), 2), Expr.Parse("-x^2"));
        Assert.Equal(Expr.Pow(Expr.Var("a"), Expr.Pow(Expr.Var("b"), Expr.Var("c"))), Expr.Parse("a^b^c"));
        Assert.Equal((Expr.Var("a") - Expr.Var("b")) - Expr.Var("c"), Expr.Parse("a-b-c"));
        Assert.Equal(Expr.Pow(Expr.Var("a"), -Expr.Var("b")) * Expr.Var("c"), Expr.Parse("a^-b*c"));
    }

    [Theory]
    [InlineData("", "empty expression at position 0")]
    [InlineData("   ", "empty expression at position 3")]
    [InlineData("x+", "unexpected end of input at position 2")]
    [InlineData("foo(x)", "unknown function 'foo' at position 0")]
    [InlineData("x + foo(1)", "unknown function 'foo' at position 4")]
    [InlineData("atan2(1)", "function 'atan2' takes 2 arguments but was given 1 at position 0")]
    [InlineData("sin(1, 2)", "function 'sin' takes 1 argument but was given more at position 5")]
    [InlineData("exp()", "function 'exp' takes 1 argument but was given none at position 0")]
    [InlineData("(x + 1", "missing ')' for '(' at position 0")]
    [InlineData("sin(x", "missing ')' for '(' at position 3")]
    [InlineData("x + 1)", "unmatched ')' at position 5")]
    [InlineData("2 x", "expected an operator or ')' but found 'x' at position 2 — write 2*x for 2 x")]
    [InlineData("2x", "expected an operator or ')' but found 'x' at position 1 — write 2*x for 2x")]
    [InlineData("3.5x^2", "expected an operator or ')' but found 'x' at position 3 — write 3.5*x for 3.5x")]
    [InlineData("2e", "expected an operator or ')' but found 'e' at position 1 — write 2*e for 2e")]
    [InlineData("2(x+1)", "expected an operator or ')' but found '(' at position 1 — write 2*(…) for 2(…)")]
    [InlineData("(x+1)(x-1)", "expected an operator or ')' but found '(' at position 5 — write (…)*(…) for (…)(…)")]
    [InlineData("sin(x)y", "expected an operator or ')' but found 'y' at position 6 — write sin(x)*y for sin(x)y")]
    [InlineData("sine(x)", "unknown function 'sine' at position 0 — did you mean 'sin'?")]
    [InlineData("Sin(x)", "unknown function 'Sin' at position 0 — did you mean 'sin'?")]
    [InlineData("sqr(x)", "unknown function 'sqr' at position 0 — did you mean 'sqrt'?")]
    [InlineData("arctan(x)", "unknown function 'arctan' at position 0 — did you mean 'atan'?")]
    [InlineData("x + ecp(x)", "unknown function 'ecp' at position 4 — did you mean 'exp'?")]
    [InlineData("sinc(x)", "unknown function 'sinc' at position 0 — did you mean 'sin'?")]
    [InlineData("tanhh(x)", "unknown function 'tanhh' at position 0 — did you mean 'tanh'?")]
    [InlineData("sim(x)", "unknown function 'sim' at position 0 — did you mean 'sin'?")]
    [InlineData("lg(x)", "unknown function 'lg' at position 0 — did you mean 'ln' or 'log'?")]
    [InlineData("2 * / 3", "expected a number, variable, function or '(' but found '/' at position 4")]
    [InlineData("x # y", "expected an operator or ')' but found '#' at position 2")]
    [InlineData("1, 2", "',' outside a function's argument list at position 1")]
    [InlineData("(1, 2)", "',' outside a function's argument list at position 2")]
    [InlineData("sin + 1", "function 'sin' must be followed by '(' at position 0")]
    [InlineData(". + 1", "a number needs at least one digit at position 0")]
    [InlineData("()", "expected a number, variable, function or '(' but found ')' at position 1")]
    [InlineData("1.2.3", "expected an operator or ')' but found '.' at position 3")]
    [InlineData("x ^^ 2", "expected a number, variable, function or '(' but found '^' at position 3")]
    public void Errors_name_the_problem_and_position(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => Expr.Parse(text));
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("ln(x)", "log(x)")]
    [InlineData("ln(x) + log(x)", "log(x) + log(x)")]
    [InlineData("x \u2212 y", "x - y")]
    [InlineData("\u2212x^2", "-x^2")]
    [InlineData("2^\u2212x", "2^-x")]
    [InlineData("x\u2212\u2212y", "x - -y")]
    public void Ln_and_the_unicode_minus_read_as_log_and_minus(string text, string same)
    {
        Assert.Same(Expr.Parse(same), Expr.Parse(text));
        Assert.Equal(Eval(same), Eval(text), 1e-15);
    }

    [Fact]
    public void Ln_differentiates_as_log_and_cannot_name_a_variable()
    {
        Assert.Equal(1.0 / 3, Expr.Parse("ln(x)").Diff("x").Evaluate(new Dictionary<string, double> { ["x"] = 3 }), 1e-15);
        Assert.Throws<ArgumentException>(() => Expr.Var("ln"));
        Assert.Equal("function 'ln' must be followed by '(' at position 0", Assert.Throws<FormatException>(() => Expr.Parse("ln + 1")).Message);
    }

    [Theory]
    [InlineData("sin", "sine", 1)]
    [InlineData("atan", "arctan", 2)]
    [InlineData("exp", "epx", 1)]       // a transposition is one edit
    [InlineData("cos", "cos", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps(string a, string b, int distance)
    {
        Assert.Equal(distance, ParseHints.Distance(a, b));
        Assert.Equal(distance, ParseHints.Distance(b, a));
    }

    [Fact]
    public void Far_away_names_get_no_suggestion()
    {
        Assert.Equal("unknown function 'frobnicate' at position 0", Assert.Throws<FormatException>(() => Expr.Parse("frobnicate(x)")).Message);
        Assert.Equal("unknown function 'foo' at position 0", Assert.Throws<FormatException>(() => Expr.Parse("foo(x)")).Message);
    }

    [Fact]
    public void Round_trip_of_random_expressions_gives_the_same_node()
    {
        var rng = new Random(7);
        string[] vars = ["x", "y", "z_1", "alpha"];
        for (var i = 0; i < 3000; i++)
        {
            var e = RandomExpressions.Any(rng, rng.Next(1, 6), vars);
            var text = e.ToString();
            Assert.Same(e, Expr.Parse(text));
            var simplified = e.Simplify();
            Assert.Same(simplified, Expr.Parse(simplified.ToString()));
        }
    }

    [Fact]
    public void Round_trip_of_special_numbers()
    {
        foreach (var v in new[] { -0.0, 0.1 + 0.2, -1e-300, 1e300, double.Epsilon, -123.456, double.PositiveInfinity, double.NegativeInfinity, double.NaN, Math.PI })
        {
            var e = Expr.Const(v) * Expr.Var("x") + Expr.Pow(Expr.Const(v), Expr.Var("y")) - Expr.Const(v);
            Assert.Same(e, Expr.Parse(e.ToString()));
        }
    }

    [Fact]
    public async Task Fuzzing_throws_only_FormatException_and_terminates()
    {
        string[] pieces = ["x", "y", "1", "2.5", ".5", "1e-3", "e", "pi", "sin", "atan2", "pow", "(", ")", ",", "+", "-", "*", "/", "^", "**", " ", ".", "E", "@", "_", "max", "2e", "foo", "--"];
        var rng = new Random(99);
        var task = Task.Run(() =>
        {
            var parsed = 0;
            for (var i = 0; i < 20000; i++)
            {
                var sb = new StringBuilder();
                var n = rng.Next(1, 25);
                for (var k = 0; k < n; k++)
                    sb.Append(i % 4 == 0 ? (char)rng.Next(32, 127) : pieces[rng.Next(pieces.Length)]);
                try
                {
                    var e = Expr.Parse(sb.ToString());
                    Assert.Same(e, Expr.Parse(e.ToString()));
                    parsed++;
                }
                catch (FormatException) { }
            }
            return parsed;
        });
        var parsed = await task.WaitAsync(TimeSpan.FromSeconds(60));   // a TimeoutException means the parser hung
        Assert.True(parsed > 100);
    }

    [Fact]
    public void Hundred_thousand_nested_parentheses_and_minus_signs_parse_without_overflow()
    {
        const int depth = 100_000;
        var nested = new string('(', depth) + "x" + new string(')', depth);
        Assert.Same(Expr.Var("x"), Expr.Parse(nested));
        Assert.Same(Expr.Var("x"), Expr.Parse(new string('-', depth) + "x"));
        Assert.Same(-Expr.Var("x"), Expr.Parse(new string('-', depth - 1) + "x"));
        Assert.Throws<FormatException>(() => Expr.Parse(new string('(', depth) + "x"));
        var sinChain = new StringBuilder();
        for (var i = 0; i < depth; i++) sinChain.Append("sin(");
        sinChain.Append('x').Append(')', depth);
        var deep = Expr.Parse(sinChain.ToString());
        Assert.Equal(depth + 1, deep.NodeCount);
        var powers = string.Join("^", Enumerable.Repeat("x", depth));
        Assert.Equal(depth, Expr.Parse(powers).NodeCount);
    }

    [Fact]
    public void Variable_names_that_would_not_parse_back_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Expr.Var("pi"));
        Assert.Throws<ArgumentException>(() => Expr.Var("sin"));
        Assert.Throws<ArgumentException>(() => Expr.Var("2x"));
        Assert.Throws<ArgumentException>(() => Expr.Var(""));
        Assert.Equal("x_1 + _y", (Expr.Var("x_1") + Expr.Var("_y")).ToString());
    }
}
