namespace Functional;

public readonly partial struct Scalar
{
    // Arithmetic is most of every program: its fast lanes are in FastLanes.
#pragma warning disable CS1591 // standard arithmetic, documented on the type
    public static Scalar operator +(Scalar a, Scalar b) => FastLanes.Add(a, b);
    public static Scalar operator -(Scalar a, Scalar b) => FastLanes.Subtract(a, b);
    public static Scalar operator *(Scalar a, Scalar b) => FastLanes.Multiply(a, b);
    public static Scalar operator /(Scalar a, Scalar b) => FastLanes.Divide(a, b);

    public static Scalar operator -(Scalar a) =>
        a.Node is null ? new(-a.Primal) : Apply(Primitives<Scalar>.Negate, a);

    public static Scalar operator +(Scalar a, double b) => a + new Scalar(b);
    public static Scalar operator +(double a, Scalar b) => new Scalar(a) + b;
    public static Scalar operator -(Scalar a, double b) => a - new Scalar(b);
    public static Scalar operator -(double a, Scalar b) => new Scalar(a) - b;
    public static Scalar operator *(Scalar a, double b) => a * new Scalar(b);
    public static Scalar operator *(double a, Scalar b) => new Scalar(a) * b;
    public static Scalar operator /(Scalar a, double b) => a / new Scalar(b);
    public static Scalar operator /(double a, Scalar b) => new Scalar(a) / b;
#pragma warning restore CS1591

    /// <summary>Sine.</summary>
    public static Scalar Sin(Scalar x) => Apply(Primitives<Scalar>.Sin, x);
    /// <summary>Cosine.</summary>
    public static Scalar Cos(Scalar x) => Apply(Primitives<Scalar>.Cos, x);
    /// <summary>Tangent.</summary>
    public static Scalar Tan(Scalar x) => Apply(Primitives<Scalar>.Tan, x);
    /// <summary>Arcsine (NaN outside [−1, 1]).</summary>
    public static Scalar Asin(Scalar x) => Apply(Primitives<Scalar>.Asin, x);
    /// <summary>Arccosine (NaN outside [−1, 1]).</summary>
    public static Scalar Acos(Scalar x) => Apply(Primitives<Scalar>.Acos, x);
    /// <summary>Arctangent.</summary>
    public static Scalar Atan(Scalar x) => Apply(Primitives<Scalar>.Atan, x);
    /// <summary>The angle of the point (x, y), as <see cref="Math.Atan2"/>.</summary>
    public static Scalar Atan2(Scalar y, Scalar x) => Apply(Primitives<Scalar>.Atan2, y, x);
    /// <summary>Hyperbolic sine.</summary>
    public static Scalar Sinh(Scalar x) => Apply(Primitives<Scalar>.Sinh, x);
    /// <summary>Hyperbolic cosine.</summary>
    public static Scalar Cosh(Scalar x) => Apply(Primitives<Scalar>.Cosh, x);
    /// <summary>Hyperbolic tangent.</summary>
    public static Scalar Tanh(Scalar x) => Apply(Primitives<Scalar>.Tanh, x);
    /// <summary>e^x.</summary>
    public static Scalar Exp(Scalar x) => Apply(Primitives<Scalar>.Exp, x);
    /// <summary>Natural logarithm (NaN below 0, −∞ at 0).</summary>
    public static Scalar Log(Scalar x) => Apply(Primitives<Scalar>.Log, x);
    /// <summary>log(1 + x), accurate near 0.</summary>
    public static Scalar Log1p(Scalar x) => Apply(Primitives<Scalar>.Log1p, x);
    /// <summary>e^x − 1, accurate near 0.</summary>
    public static Scalar Expm1(Scalar x) => Apply(Primitives<Scalar>.Expm1, x);
    /// <summary>Square root (NaN below 0).</summary>
    public static Scalar Sqrt(Scalar x) => Apply(Primitives<Scalar>.Sqrt, x);
    /// <summary>Absolute value; its derivative at 0 is 0.</summary>
    public static Scalar Abs(Scalar x) => Apply(Primitives<Scalar>.Abs, x);
    /// <summary>−1, 0 or 1; derivative 0.</summary>
    public static Scalar Sign(Scalar x) => Apply(Primitives<Scalar>.Sign, x);
    /// <summary>x^y; see <see cref="Primitives{T}"/> for the conventions at x = 0.</summary>
    public static Scalar Pow(Scalar x, Scalar y) => Apply(Primitives<Scalar>.Pow, x, y);
    /// <summary>x^y for a constant exponent.</summary>
    public static Scalar Pow(Scalar x, double y) => Apply(Primitives<Scalar>.Pow, x, new Scalar(y));
    /// <summary>x^n for an integer exponent (so that F#'s <c>x ** 2</c> compiles); the same as <c>Pow(x, (double)n)</c>.</summary>
    public static Scalar Pow(Scalar x, int n) => Apply(Primitives<Scalar>.Pow, x, new Scalar(n));
    /// <summary>The larger of a and b; at a tie each receives half the derivative.</summary>
    public static Scalar Max(Scalar a, Scalar b) => Apply(Primitives<Scalar>.Max, a, b);
    /// <summary>The smaller of a and b; at a tie each receives half the derivative.</summary>
    public static Scalar Min(Scalar a, Scalar b) => Apply(Primitives<Scalar>.Min, a, b);
    /// <summary>The logistic function 1 / (1 + e^−x), stable for large |x|.</summary>
    public static Scalar Sigmoid(Scalar x) => Apply(Primitives<Scalar>.Sigmoid, x);
    /// <summary>log(1 + e^x), stable for large |x|.</summary>
    public static Scalar Softplus(Scalar x) => Apply(Primitives<Scalar>.Softplus, x);
    /// <summary>max(x, 0); its derivative at 0 is 0.</summary>
    public static Scalar Relu(Scalar x) => Apply(Primitives<Scalar>.Relu, x);
    /// <summary>The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt.</summary>
    public static Scalar Erf(Scalar x) => Apply(Primitives<Scalar>.Erf, x);
    /// <summary>The real cube root (negative for negative x); its derivative at 0 is +∞.</summary>
    public static Scalar Cbrt(Scalar x) => Apply(Primitives<Scalar>.Cbrt, x);
    /// <summary>x·log(y), and 0 where x = 0.</summary>
    public static Scalar Xlogy(Scalar x, Scalar y) => Apply(Primitives<Scalar>.Xlogy, x, y);
}
