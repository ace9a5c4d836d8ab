namespace Functional.Symbolic;

/// <summary>What an <see cref="Expr"/> node is.</summary>
public enum ExprKind
{
    /// <summary>A numeric constant (<see cref="Expr.ConstantValue"/>).</summary>
    Constant,
    /// <summary>A named variable (<see cref="Expr.Name"/>).</summary>
    Variable,
    /// <summary>A one-argument primitive applied to <see cref="Expr.Left"/> (negation included).</summary>
    Unary,
    /// <summary>A two-argument primitive applied to <see cref="Expr.Left"/> and <see cref="Expr.Right"/>
    /// (the infix operators <c>+ - * /</c> and power included).</summary>
    Binary,
}
