namespace Functional.Symbolic;

public sealed partial class Expr
{
    /// <summary>Parses an expression: numbers (<c>2</c>, <c>0.5</c>, <c>1e-3</c>, <c>.5</c>), variables,
    /// <c>+ - * /</c>, <c>^</c> or <c>**</c> (right-associative), unary minus (looser than power:
    /// <c>-x^2</c> is −(x²)), parentheses, the functions <c>sin cos tan asin acos atan sinh cosh tanh exp
    /// log log1p expm1 sqrt abs sign sigmoid softplus relu</c> (one argument) and <c>atan2 pow max min
    /// xlogy</c> (two), and the constants <c>pi e inf nan</c>. Any nesting depth is accepted.</summary>
    /// <exception cref="FormatException">A syntax error, unknown function or wrong number of arguments;
    /// the message names the problem and its zero-based character position.</exception>
    public static Expr Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parser.Parse(text);
    }

    /// <summary>The derivative with respect to <paramref name="variable"/>, built from the rules of
    /// <see cref="Primitives{T}"/>; shared subexpressions are differentiated once, so the result's DAG
    /// grows linearly with this one. Call <see cref="Simplify()"/> for a tidy form.</summary>
    public Expr Diff(string variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return Differentiator.Diff(this, variable);
    }

    /// <summary>The partial derivatives with respect to each of <paramref name="variables"/>, in order.</summary>
    public Expr[] Gradient(params string[] variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return variables.Select(Diff).ToArray();
    }

    /// <summary>An equal-valued, tidier expression: constants folded, identities removed, like terms
    /// collected (<c>x + x</c> → <c>2*x</c>), powers of one base merged (<c>x*x</c> → <c>x^2</c>), terms
    /// in a readable order. The value is unchanged wherever this expression is defined (finite);
    /// following SymPy, <c>x*0</c> is 0 and <c>x^0</c> is 1.</summary>
    public Expr Simplify() => Simplifier.Simplify(this, SimplifyOptions.Default);

    /// <summary>Simplifies with the stages that <paramref name="options"/> enable (see <see cref="SimplifyOptions"/>).</summary>
    public Expr Simplify(SimplifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Simplifier.Simplify(this, options);
    }

    /// <summary>The value at the given variable values (each shared node evaluated once).</summary>
    /// <exception cref="KeyNotFoundException">A variable of the expression has no value; the message names it.</exception>
    public double Evaluate(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Evaluator.Evaluate(this, values);
    }

    /// <summary>Compiles to a delegate taking the values of <paramref name="variables"/> in order
    /// (System.Linq.Expressions; each shared node computed once).</summary>
    /// <exception cref="ArgumentException">A variable of the expression is missing from
    /// <paramref name="variables"/>, or one is listed twice. The returned delegate throws
    /// <see cref="ArgumentException"/> when its array's length differs from the number of variables.</exception>
    public Func<double[], double> Compile(params string[] variables) => Compiler.Compile(this, variables);

    /// <summary>A function over <see cref="Scalar"/> computing this expression (each node once), so
    /// that forward mode, reverse mode and the symbolic engine run on the very same expression:
    /// <c>AD.Grad(e.ToFunc("x", "y"))</c>.</summary>
    /// <exception cref="ArgumentException">As for <see cref="Compile"/>.</exception>
    public Func<Scalar[], Scalar> ToFunc(params string[] variables) => Evaluator.ToFunc(this, variables);

    /// <summary>The expression as LaTeX, e.g. <c>3 x^{2}</c>, <c>\frac{1}{x}</c>, <c>\sin\left(x\right)</c>.</summary>
    public string ToLatex() => LatexPrinter.Print(this);
}
