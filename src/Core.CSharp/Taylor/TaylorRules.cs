namespace Functional;

/// <summary>
/// The Taylor rules, beside the rule table: each primitive of <see cref="Primitives{T}"/>, by its
/// name, mapped to its O(n²) recurrence in <see cref="TaylorArithmetic"/>. A primitive without a
/// recurrence here (one added to the table later) still works: <see cref="ByDerivativeRule(UnaryPrimitive{Scalar}, double[], TaylorExpansion)"/>
/// builds its series from the table's derivative rule, order by order, in O(n³).
/// </summary>
internal static class TaylorRules
{
    public static double[] Apply(UnaryPrimitive<Scalar> primitive, double[] x, TaylorExpansion owner) => primitive.Name switch
    {
        "neg" => TaylorArithmetic.Scale(x, -1.0),
        "sin" => TaylorArithmetic.SinCos(x).Sin,
        "cos" => TaylorArithmetic.SinCos(x).Cos,
        "tan" => TaylorArithmetic.Tan(x),
        "asin" => TaylorArithmetic.Asin(x),
        "acos" => TaylorArithmetic.Acos(x),
        "atan" => TaylorArithmetic.Atan(x),
        "sinh" => TaylorArithmetic.SinhCosh(x).Sinh,
        "cosh" => TaylorArithmetic.SinhCosh(x).Cosh,
        "tanh" => TaylorArithmetic.Tanh(x),
        "exp" => TaylorArithmetic.Exp(x),
        "log" => TaylorArithmetic.Log(x),
        "log1p" => TaylorArithmetic.Log1p(x),
        "expm1" => TaylorArithmetic.Expm1(x),
        "sqrt" => TaylorArithmetic.Sqrt(x),
        "abs" => TaylorArithmetic.Abs(x),
        "sign" => TaylorArithmetic.Sign(x),
        "relu" => TaylorArithmetic.Relu(x),
        "sigmoid" => TaylorArithmetic.Sigmoid(x),
        "softplus" => TaylorArithmetic.Softplus(x),
        "erf" => TaylorArithmetic.Erf(x, primitive.Value(x[0])),
        "cbrt" => TaylorArithmetic.Cbrt(x, primitive.Value(x[0])),
        _ => ByDerivativeRule(primitive, x, owner),
    };

    public static double[] Apply(BinaryPrimitive<Scalar> primitive, double[] a, double[] b, TaylorExpansion owner) => primitive.Name switch
    {
        "+" => TaylorArithmetic.Add(a, b),
        "-" => TaylorArithmetic.Subtract(a, b),
        "*" => TaylorArithmetic.Multiply(a, b),
        "/" => TaylorArithmetic.Divide(a, b),
        "pow" => TaylorArithmetic.Pow(a, b),
        "atan2" => TaylorArithmetic.Atan2(a, b),
        "max" => TaylorArithmetic.Max(a, b),
        "min" => TaylorArithmetic.Min(a, b),
        "xlogy" => TaylorArithmetic.Xlogy(a, b),
        _ => ByDerivativeRule(primitive, a, b, owner),
    };

    /// <summary>y = φ(x) from y′ = φ′(x, y)·x′ with φ′ the table's rule evaluated on Taylor values:
    /// once y is known to order k − 1, the rule's series is known to order k − 1, which gives yₖ.</summary>
    public static double[] ByDerivativeRule(UnaryPrimitive<Scalar> primitive, double[] x, TaylorExpansion owner)
    {
        var y = new double[x.Length];
        y[0] = primitive.Value(x[0]);
        var input = owner.Wrap(x);
        for (var k = 1; k < y.Length; k++)
        {
            var slope = owner.CoefficientsOf(primitive.Derivative(input, owner.Wrap((double[])y.Clone())));
            y[k] = TaylorArithmetic.IntegrateStep(x, slope, k);
        }
        return y;
    }

    /// <summary>The two-argument form: y′ = ∂φ/∂a·a′ + ∂φ/∂b·b′.</summary>
    public static double[] ByDerivativeRule(BinaryPrimitive<Scalar> primitive, double[] a, double[] b, TaylorExpansion owner)
    {
        var y = new double[a.Length];
        y[0] = primitive.Value(a[0], b[0]);
        Scalar left = owner.Wrap(a), right = owner.Wrap(b);
        for (var k = 1; k < y.Length; k++)
        {
            var result = owner.Wrap((double[])y.Clone());
            var slopeA = owner.CoefficientsOf(primitive.DerivativeLeft(left, right, result));
            var slopeB = owner.CoefficientsOf(primitive.DerivativeRight(left, right, result));
            y[k] = TaylorArithmetic.IntegrateStep(a, slopeA, k) + TaylorArithmetic.IntegrateStep(b, slopeB, k);
        }
        return y;
    }
}
