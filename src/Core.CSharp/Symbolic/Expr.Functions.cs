namespace Functional.Symbolic;

public sealed partial class Expr
{
    private static Expr U(UnaryPrimitive<Expr> op, Expr x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Apply(op, x);
    }

    private static Expr B(BinaryPrimitive<Expr> op, Expr a, Expr b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Apply(op, a, b);
    }

    /// <summary>a + b.</summary>
    public static Expr operator +(Expr a, Expr b) => B(Primitives<Expr>.Add, a, b);
    /// <summary>a − b.</summary>
    public static Expr operator -(Expr a, Expr b) => B(Primitives<Expr>.Subtract, a, b);
    /// <summary>a · b.</summary>
    public static Expr operator *(Expr a, Expr b) => B(Primitives<Expr>.Multiply, a, b);
    /// <summary>a / b.</summary>
    public static Expr operator /(Expr a, Expr b) => B(Primitives<Expr>.Divide, a, b);
    /// <summary>−a.</summary>
    public static Expr operator -(Expr a) => U(Primitives<Expr>.Negate, a);
    /// <summary>a + b.</summary>
    public static Expr operator +(Expr a, double b) => a + Const(b);
    /// <summary>a + b.</summary>
    public static Expr operator +(double a, Expr b) => Const(a) + b;
    /// <summary>a − b.</summary>
    public static Expr operator -(Expr a, double b) => a - Const(b);
    /// <summary>a − b.</summary>
    public static Expr operator -(double a, Expr b) => Const(a) - b;
    /// <summary>a · b.</summary>
    public static Expr operator *(Expr a, double b) => a * Const(b);
    /// <summary>a · b.</summary>
    public static Expr operator *(double a, Expr b) => Const(a) * b;
    /// <summary>a / b.</summary>
    public static Expr operator /(Expr a, double b) => a / Const(b);
    /// <summary>a / b.</summary>
    public static Expr operator /(double a, Expr b) => Const(a) / b;

    /// <summary>sin(x).</summary>
    public static Expr Sin(Expr x) => U(Primitives<Expr>.Sin, x);
    /// <summary>cos(x).</summary>
    public static Expr Cos(Expr x) => U(Primitives<Expr>.Cos, x);
    /// <summary>tan(x).</summary>
    public static Expr Tan(Expr x) => U(Primitives<Expr>.Tan, x);
    /// <summary>asin(x).</summary>
    public static Expr Asin(Expr x) => U(Primitives<Expr>.Asin, x);
    /// <summary>acos(x).</summary>
    public static Expr Acos(Expr x) => U(Primitives<Expr>.Acos, x);
    /// <summary>atan(x).</summary>
    public static Expr Atan(Expr x) => U(Primitives<Expr>.Atan, x);
    /// <summary>atan2(y, x), the angle of the point (x, y).</summary>
    public static Expr Atan2(Expr y, Expr x) => B(Primitives<Expr>.Atan2, y, x);
    /// <summary>sinh(x).</summary>
    public static Expr Sinh(Expr x) => U(Primitives<Expr>.Sinh, x);
    /// <summary>cosh(x).</summary>
    public static Expr Cosh(Expr x) => U(Primitives<Expr>.Cosh, x);
    /// <summary>tanh(x).</summary>
    public static Expr Tanh(Expr x) => U(Primitives<Expr>.Tanh, x);
    /// <summary>exp(x).</summary>
    public static Expr Exp(Expr x) => U(Primitives<Expr>.Exp, x);
    /// <summary>log(x), the natural logarithm.</summary>
    public static Expr Log(Expr x) => U(Primitives<Expr>.Log, x);
    /// <summary>log1p(x) = log(1 + x).</summary>
    public static Expr Log1p(Expr x) => U(Primitives<Expr>.Log1p, x);
    /// <summary>expm1(x) = exp(x) − 1.</summary>
    public static Expr Expm1(Expr x) => U(Primitives<Expr>.Expm1, x);
    /// <summary>sqrt(x).</summary>
    public static Expr Sqrt(Expr x) => U(Primitives<Expr>.Sqrt, x);
    /// <summary>abs(x).</summary>
    public static Expr Abs(Expr x) => U(Primitives<Expr>.Abs, x);
    /// <summary>sign(x): −1, 0 or 1.</summary>
    public static Expr Sign(Expr x) => U(Primitives<Expr>.Sign, x);
    /// <summary>x^y.</summary>
    public static Expr Pow(Expr x, Expr y) => B(Primitives<Expr>.Pow, x, y);
    /// <summary>x^y for a constant exponent.</summary>
    public static Expr Pow(Expr x, double y) => B(Primitives<Expr>.Pow, x, Const(y));
    /// <summary>max(a, b).</summary>
    public static Expr Max(Expr a, Expr b) => B(Primitives<Expr>.Max, a, b);
    /// <summary>min(a, b).</summary>
    public static Expr Min(Expr a, Expr b) => B(Primitives<Expr>.Min, a, b);
    /// <summary>sigmoid(x) = 1 / (1 + e^−x).</summary>
    public static Expr Sigmoid(Expr x) => U(Primitives<Expr>.Sigmoid, x);
    /// <summary>softplus(x) = log(1 + e^x).</summary>
    public static Expr Softplus(Expr x) => U(Primitives<Expr>.Softplus, x);
    /// <summary>relu(x) = max(x, 0).</summary>
    public static Expr Relu(Expr x) => U(Primitives<Expr>.Relu, x);
    /// <summary>erf(x), the error function.</summary>
    public static Expr Erf(Expr x) => U(Primitives<Expr>.Erf, x);
    /// <summary>cbrt(x), the real cube root.</summary>
    public static Expr Cbrt(Expr x) => U(Primitives<Expr>.Cbrt, x);
    /// <summary>xlogy(x, y) = x·log(y), and 0 where x = 0.</summary>
    public static Expr Xlogy(Expr x, Expr y) => B(Primitives<Expr>.Xlogy, x, y);
}
