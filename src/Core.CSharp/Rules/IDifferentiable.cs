namespace Functional;

/// <summary>
/// The arithmetic that a derivative rule may use. <see cref="Scalar"/> (numbers that carry
/// derivatives) and <see cref="Symbolic.Expr"/> (expressions) both implement it, so every rule in
/// <see cref="Primitives{T}"/> is written once and read by forward mode, reverse mode and the
/// symbolic engine alike.
/// </summary>
/// <typeparam name="T">The implementing number type.</typeparam>
internal interface IDifferentiable<T> where T : IDifferentiable<T>
{
    /// <summary>The constant <paramref name="value"/>.</summary>
    static abstract T Constant(double value);

#pragma warning disable CS1591 // operators and functions are documented on the implementing types
    static abstract T operator +(T a, T b);
    static abstract T operator -(T a, T b);
    static abstract T operator *(T a, T b);
    static abstract T operator /(T a, T b);
    static abstract T operator -(T a);
    static abstract T operator +(T a, double b);
    static abstract T operator +(double a, T b);
    static abstract T operator -(T a, double b);
    static abstract T operator -(double a, T b);
    static abstract T operator *(T a, double b);
    static abstract T operator *(double a, T b);
    static abstract T operator /(T a, double b);
    static abstract T operator /(double a, T b);

    static abstract T Sin(T x);
    static abstract T Cos(T x);
    static abstract T Tan(T x);
    static abstract T Asin(T x);
    static abstract T Acos(T x);
    static abstract T Atan(T x);
    static abstract T Atan2(T y, T x);
    static abstract T Sinh(T x);
    static abstract T Cosh(T x);
    static abstract T Tanh(T x);
    static abstract T Exp(T x);
    static abstract T Log(T x);
    static abstract T Log1p(T x);
    static abstract T Expm1(T x);
    static abstract T Sqrt(T x);
    static abstract T Abs(T x);
    static abstract T Sign(T x);
    static abstract T Pow(T x, T y);
    static abstract T Max(T a, T b);
    static abstract T Min(T a, T b);
    static abstract T Sigmoid(T x);
    static abstract T Softplus(T x);
    static abstract T Relu(T x);
    static abstract T Xlogy(T x, T y);
#pragma warning restore CS1591
}
