namespace Functional;

/// <summary>
/// The one table of primitive rules. Each primitive is declared once: its value on doubles and its
/// derivative written with <typeparamref name="T"/> operations, so that forward mode, reverse mode
/// (T = <see cref="Scalar"/>, which makes derivatives of derivatives come for free) and the symbolic
/// engine (T = <see cref="Symbolic.Expr"/>) all read the same rule.
/// </summary>
/// <remarks>
/// Adding a primitive: one line here (name, double implementation, derivative in T) and one entry in
/// <see cref="Unary"/> or <see cref="Binary"/>. The parser, printer, evaluator, compiler, symbolic
/// differentiation, the F# name maps and the per-primitive tests all find it by name. Its public face
/// is one line each: <c>Scalar.Name</c>, <c>Expr.Name</c> and the F# function. Only a primitive that
/// another rule's derivative calls also needs a member on <see cref="IDifferentiable{T}"/>.
/// </remarks>
/// <remarks>
/// Conventions at non-smooth points (those of PyTorch and JAX): |x|'(0) = sign(0) = 0,
/// relu'(0) = 0, max/min split the derivative evenly between tied arguments, and the exponent
/// partial of a^b uses xlogy so that 0·log 0 is 0, never NaN.
/// </remarks>
/// <typeparam name="T">The arithmetic the derivatives are written in.</typeparam>
internal static class Primitives<T> where T : IDifferentiable<T>
{
    private static readonly T One = T.Constant(1.0);
    private static readonly T Zero = T.Constant(0.0);
    private const double TwoOverSqrtPi = 1.1283791670955126;

#pragma warning disable CS1591 // each field is its own documentation: name, value, derivative
    // ---- arithmetic ---------------------------------------------------------------------------
    public static readonly UnaryPrimitive<T> Negate = new("neg", DoubleMath.Negate, (x, y) => T.Constant(-1.0));
    public static readonly BinaryPrimitive<T> Add = new("+", DoubleMath.Add, (a, b, y) => One, (a, b, y) => One);
    public static readonly BinaryPrimitive<T> Subtract = new("-", DoubleMath.Subtract, (a, b, y) => One, (a, b, y) => T.Constant(-1.0));
    public static readonly BinaryPrimitive<T> Multiply = new("*", DoubleMath.Multiply, (a, b, y) => b, (a, b, y) => a);
    public static readonly BinaryPrimitive<T> Divide = new("/", DoubleMath.Divide, (a, b, y) => 1.0 / b, (a, b, y) => -y / b);
    public static readonly BinaryPrimitive<T> Pow = new("pow", Math.Pow,
        (a, b, y) => b * T.Pow(a, b - 1.0),
        (a, b, y) => T.Xlogy(y, a));

    // ---- trigonometric ------------------------------------------------------------------------
    public static readonly UnaryPrimitive<T> Sin = new("sin", Math.Sin, (x, y) => T.Cos(x));
    public static readonly UnaryPrimitive<T> Cos = new("cos", Math.Cos, (x, y) => -T.Sin(x));
    public static readonly UnaryPrimitive<T> Tan = new("tan", Math.Tan, (x, y) => 1.0 + y * y);
    public static readonly UnaryPrimitive<T> Asin = new("asin", Math.Asin, (x, y) => 1.0 / T.Sqrt(1.0 - x * x));
    public static readonly UnaryPrimitive<T> Acos = new("acos", Math.Acos, (x, y) => -1.0 / T.Sqrt(1.0 - x * x));
    public static readonly UnaryPrimitive<T> Atan = new("atan", Math.Atan, (x, y) => 1.0 / (1.0 + x * x));
    public static readonly BinaryPrimitive<T> Atan2 = new("atan2", Math.Atan2,
        (a, b, y) => b / (a * a + b * b),
        (a, b, y) => -a / (a * a + b * b));

    // ---- hyperbolic ---------------------------------------------------------------------------
    public static readonly UnaryPrimitive<T> Sinh = new("sinh", Math.Sinh, (x, y) => T.Cosh(x));
    public static readonly UnaryPrimitive<T> Cosh = new("cosh", Math.Cosh, (x, y) => T.Sinh(x));
    public static readonly UnaryPrimitive<T> Tanh = new("tanh", Math.Tanh, (x, y) => 1.0 - y * y);

    // ---- exponential and logarithmic ----------------------------------------------------------
    public static readonly UnaryPrimitive<T> Exp = new("exp", Math.Exp, (x, y) => y);
    public static readonly UnaryPrimitive<T> Log = new("log", Math.Log, (x, y) => 1.0 / x);
    public static readonly UnaryPrimitive<T> Log1p = new("log1p", DoubleMath.Log1p, (x, y) => 1.0 / (1.0 + x));
    public static readonly UnaryPrimitive<T> Expm1 = new("expm1", DoubleMath.Expm1, (x, y) => y + 1.0);
    public static readonly UnaryPrimitive<T> Sqrt = new("sqrt", Math.Sqrt, (x, y) => 0.5 / y);
    public static readonly UnaryPrimitive<T> Cbrt = new("cbrt", Math.Cbrt, (x, y) => 1.0 / (3.0 * y * y));
    public static readonly BinaryPrimitive<T> Xlogy = new("xlogy", DoubleMath.Xlogy,
        (a, b, y) => T.Log(b),
        (a, b, y) => a / b);

    // ---- special functions --------------------------------------------------------------------
    public static readonly UnaryPrimitive<T> Erf = new("erf", MathNet.Numerics.SpecialFunctions.Erf, (x, y) => TwoOverSqrtPi * T.Exp(-(x * x)));

    // ---- piecewise (conventions at the kinks: see remarks) ------------------------------------
    public static readonly UnaryPrimitive<T> Abs = new("abs", Math.Abs, (x, y) => T.Sign(x));
    public static readonly UnaryPrimitive<T> Sign = new("sign", DoubleMath.Sign, (x, y) => Zero);
    public static readonly UnaryPrimitive<T> Relu = new("relu", DoubleMath.Relu, (x, y) => T.Sign(y));
    public static readonly BinaryPrimitive<T> Max = new("max", Math.Max,
        (a, b, y) => 0.5 + 0.5 * T.Sign(a - b),
        (a, b, y) => 0.5 - 0.5 * T.Sign(a - b));
    public static readonly BinaryPrimitive<T> Min = new("min", Math.Min,
        (a, b, y) => 0.5 - 0.5 * T.Sign(a - b),
        (a, b, y) => 0.5 + 0.5 * T.Sign(a - b));

    // ---- machine learning ---------------------------------------------------------------------
    public static readonly UnaryPrimitive<T> Sigmoid = new("sigmoid", DoubleMath.Sigmoid, (x, y) => y * (1.0 - y));
    public static readonly UnaryPrimitive<T> Softplus = new("softplus", DoubleMath.Softplus, (x, y) => T.Sigmoid(x));
#pragma warning restore CS1591

    /// <summary>Every one-argument primitive (except <see cref="Negate"/>), by name.</summary>
    public static readonly IReadOnlyDictionary<string, UnaryPrimitive<T>> Unary =
        new[] { Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Exp, Log, Log1p, Expm1, Sqrt, Cbrt, Erf, Abs, Sign, Relu, Sigmoid, Softplus }
            .ToDictionary(p => p.Name);

    /// <summary>Every two-argument function primitive (<c>pow atan2 max min xlogy</c>), by name;
    /// the infix operators are the fields <see cref="Add"/> … <see cref="Divide"/>.</summary>
    public static readonly IReadOnlyDictionary<string, BinaryPrimitive<T>> Binary =
        new[] { Pow, Atan2, Max, Min, Xlogy }.ToDictionary(p => p.Name);
}
