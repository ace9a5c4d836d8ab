namespace Functional;

/// <summary>A differentiable primitive of one argument: its name, its value on <see cref="double"/>
/// and its derivative written in the arithmetic of <typeparamref name="T"/>.</summary>
/// <param name="Name">Lower-case name, as the parser and printer spell it.</param>
/// <param name="Value">The value on plain doubles.</param>
/// <param name="Derivative">dy/dx given the input x and the output y (reusing y is free speed).</param>
internal sealed record UnaryPrimitive<T>(string Name, Func<double, double> Value, Func<T, T, T> Derivative)
    where T : IDifferentiable<T>;

/// <summary>A differentiable primitive of two arguments.</summary>
/// <param name="Name">Lower-case name (or operator symbol), as the parser and printer spell it.</param>
/// <param name="Value">The value on plain doubles.</param>
/// <param name="DerivativeLeft">∂y/∂a given (a, b, y).</param>
/// <param name="DerivativeRight">∂y/∂b given (a, b, y).</param>
internal sealed record BinaryPrimitive<T>(
    string Name, Func<double, double, double> Value, Func<T, T, T, T> DerivativeLeft, Func<T, T, T, T> DerivativeRight)
    where T : IDifferentiable<T>;
