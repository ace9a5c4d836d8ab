namespace Functional;

/// <summary>
/// Truncated Taylor arithmetic on coefficient arrays: c[k] is the k-th Taylor coefficient
/// f⁽ᵏ⁾(t₀)/k! of a value as a function of the expansion variable t. Operands have equal length
/// n (order n − 1) and every operation returns a new array of length n in O(n²) time, by the
/// classical recurrences (Griewank and Walther, "Evaluating Derivatives", ch. 13): each one
/// follows from a first-order ODE the function satisfies, such as y′ = y·x′ for y = exp(x).
/// </summary>
internal static class TaylorArithmetic
{
    public static double[] Constant(double value, int length)
    {
        var c = new double[length];
        c[0] = value;
        return c;
    }

    public static double[] Add(double[] a, double[] b)
    {
        var c = new double[a.Length];
        for (var k = 0; k < c.Length; k++) c[k] = a[k] + b[k];
        return c;
    }

    public static double[] Subtract(double[] a, double[] b)
    {
        var c = new double[a.Length];
        for (var k = 0; k < c.Length; k++) c[k] = a[k] - b[k];
        return c;
    }

    public static double[] Scale(double[] a, double s)
    {
        var c = new double[a.Length];
        for (var k = 0; k < c.Length; k++) c[k] = s * a[k];
        return c;
    }

    /// <summary>Cauchy product, truncated.</summary>
    public static double[] Multiply(double[] a, double[] b)
    {
        var c = new double[a.Length];
        for (var k = 0; k < c.Length; k++)
        {
            var sum = 0.0;
            for (var j = 0; j <= k; j++) sum += a[j] * b[k - j];
            c[k] = sum;
        }
        return c;
    }

    /// <summary>c = a / b from c·b = a.</summary>
    public static double[] Divide(double[] a, double[] b)
    {
        var c = new double[a.Length];
        for (var k = 0; k < c.Length; k++)
        {
            var sum = a[k];
            for (var j = 0; j < k; j++) sum -= c[j] * b[k - j];
            c[k] = sum / b[0];
        }
        return c;
    }

    /// <summary>The k-th coefficient of y where y′ = d·x′: (1/k) Σⱼ₌₁ᵏ j·xⱼ·d₍ₖ₋ⱼ₎. Only d₀ … d₍ₖ₋₁₎ are read,
    /// so d may depend on y itself up to order k − 1.</summary>
    public static double IntegrateStep(double[] x, double[] d, int k)
    {
        var sum = 0.0;
        for (var j = 1; j <= k; j++) sum += j * x[j] * d[k - j];
        return sum / k;
    }

    /// <summary>y with y₀ given and y′ = d·x′, for a known derivative series d.</summary>
    public static double[] Integrate(double y0, double[] x, double[] d)
    {
        var y = new double[x.Length];
        y[0] = y0;
        for (var k = 1; k < y.Length; k++) y[k] = IntegrateStep(x, d, k);
        return y;
    }

    /// <summary>The series of dx/dt, one order shorter: (k + 1)·x₍ₖ₊₁₎.</summary>
    public static double[] Differentiate(double[] x)
    {
        var d = new double[x.Length - 1];
        for (var k = 0; k < d.Length; k++) d[k] = (k + 1) * x[k + 1];
        return d;
    }

    // ---- exponential and logarithmic ------------------------------------------------------------

    /// <summary>y = eˣ from y′ = y·x′.</summary>
    public static double[] Exp(double[] x)
    {
        var y = new double[x.Length];
        y[0] = Math.Exp(x[0]);
        Span<double> jx = x.Length <= 256 ? stackalloc double[x.Length] : new double[x.Length];
        Weighted(x, jx);
        for (var k = 1; k < y.Length; k++)
        {
            var sum = 0.0;
            for (var j = 1; j <= k; j++) sum += jx[j] * y[k - j];
            y[k] = sum / k;
        }
        return y;
    }

    /// <summary>j·xⱼ, the weights every IntegrateStep-style recurrence multiplies by.</summary>
    private static void Weighted(double[] x, Span<double> jx)
    {
        for (var j = 0; j < x.Length; j++) jx[j] = j * x[j];
    }

    /// <summary>eˣ − 1: the series of eˣ with an accurate constant term.</summary>
    public static double[] Expm1(double[] x)
    {
        var y = Exp(x);
        y[0] = DoubleMath.Expm1(x[0]);
        return y;
    }

    /// <summary>y = log x from x·y′ = x′.</summary>
    public static double[] Log(double[] x)
    {
        var y = new double[x.Length];
        y[0] = Math.Log(x[0]);
        for (var k = 1; k < y.Length; k++)
        {
            var sum = 0.0;
            for (var j = 1; j < k; j++) sum += j * y[j] * x[k - j];
            y[k] = (x[k] - sum / k) / x[0];
        }
        return y;
    }

    /// <summary>log(1 + x): the series of log u for u = 1 + x, with an accurate constant term.</summary>
    public static double[] Log1p(double[] x)
    {
        var u = (double[])x.Clone();
        u[0] = 1.0 + x[0];
        var y = Log(u);
        y[0] = DoubleMath.Log1p(x[0]);
        return y;
    }

    /// <summary>y = √x from y·y = x.</summary>
    public static double[] Sqrt(double[] x)
    {
        var y = new double[x.Length];
        y[0] = Math.Sqrt(x[0]);
        for (var k = 1; k < y.Length; k++)
        {
            var sum = 0.0;
            for (var j = 1; j < k; j++) sum += y[j] * y[k - j];
            y[k] = (x[k] - sum) / (2.0 * y[0]);
        }
        return y;
    }

    /// <summary>y = xʳ for a constant r, from x·y′ = r·y·x′. At x₀ = 0 only a non-negative integer
    /// power has a Taylor series; any other power gets NaN beyond the constant term.</summary>
    public static double[] PowConstant(double[] x, double r)
    {
        if (x[0] == 0 && r >= 0 && r == Math.Floor(r) && r <= int.MaxValue) return IntegerPower(x, (int)r);
        return PowerRecurrence(x, r, Math.Pow(x[0], r));
    }

    /// <summary>∛x: the power 1/3 with the real cube root as constant term (defined for x₀ &lt; 0 too).</summary>
    public static double[] Cbrt(double[] x, double y0) => PowerRecurrence(x, 1.0 / 3.0, y0);

    /// <summary>The series of y with y₀ given and x·y′ = r·y·x′ (NaN beyond y₀ where x₀ = 0).</summary>
    private static double[] PowerRecurrence(double[] x, double r, double y0)
    {
        var n = x.Length;
        var y = new double[n];
        y[0] = y0;
        if (x[0] == 0)
        {
            Array.Fill(y, double.NaN, 1, n - 1);
            return y;
        }
        for (var k = 1; k < n; k++)
        {
            var sum = 0.0;
            for (var j = 1; j <= k; j++) sum += (r * j - (k - j)) * x[j] * y[k - j];
            y[k] = sum / (k * x[0]);
        }
        return y;
    }

    /// <summary>xᵖ by repeated squaring (exact where the recurrence would divide by x₀ = 0).</summary>
    private static double[] IntegerPower(double[] x, int p)
    {
        var result = Constant(1.0, x.Length);
        var square = x;
        while (p > 0)
        {
            if ((p & 1) != 0) result = Multiply(result, square);
            p >>= 1;
            if (p > 0) square = Multiply(square, square);
        }
        return result;
    }

    /// <summary>aᵇ with both varying: exp(b·log a) for a₀ &gt; 0; a constant base 0 gives 0ᵇ⁰ and
    /// (as the rule table's xlogy convention) no variation.</summary>
    public static double[] Pow(double[] a, double[] b)
    {
        if (IsConstant(b)) return PowConstant(a, b[0]);
        if (IsConstant(a) && a[0] == 0) return Constant(Math.Pow(0.0, b[0]), a.Length);
        var y = Exp(Multiply(b, Log(a)));
        y[0] = Math.Pow(a[0], b[0]);
        return y;
    }

    // ---- trigonometric and hyperbolic -----------------------------------------------------------

    /// <summary>sin and cos together, from s′ = c·x′ and c′ = −s·x′.</summary>
    public static (double[] Sin, double[] Cos) SinCos(double[] x)
    {
        var s = new double[x.Length];
        var c = new double[x.Length];
        (s[0], c[0]) = Math.SinCos(x[0]);
        CoupledRecurrence(x, s, c, -1.0);
        return (s, c);
    }

    /// <summary>sinh and cosh together, from s′ = c·x′ and c′ = s·x′.</summary>
    public static (double[] Sinh, double[] Cosh) SinhCosh(double[] x)
    {
        var s = new double[x.Length];
        var c = new double[x.Length];
        s[0] = Math.Sinh(x[0]);
        c[0] = Math.Cosh(x[0]);
        CoupledRecurrence(x, s, c, 1.0);
        return (s, c);
    }

    /// <summary>s′ = c·x′ and c′ = sign·s·x′, both series in one pass (s₀ and c₀ given).</summary>
    private static void CoupledRecurrence(double[] x, double[] s, double[] c, double sign)
    {
        Span<double> jx = x.Length <= 256 ? stackalloc double[x.Length] : new double[x.Length];
        Weighted(x, jx);
        for (var k = 1; k < x.Length; k++)
        {
            double sumS = 0, sumC = 0;
            for (var j = 1; j <= k; j++)
            {
                sumS += jx[j] * c[k - j];
                sumC += jx[j] * s[k - j];
            }
            s[k] = sumS / k;
            c[k] = sign * sumC / k;
        }
    }

    /// <summary>y = tan x from y′ = (1 + y²)·x′.</summary>
    public static double[] Tan(double[] x) => QuadraticOde(x, Math.Tan(x[0]), constant: 1.0, linear: 0.0, quadratic: 1.0);

    /// <summary>y = tanh x from y′ = (1 − y²)·x′.</summary>
    public static double[] Tanh(double[] x) => QuadraticOde(x, Math.Tanh(x[0]), constant: 1.0, linear: 0.0, quadratic: -1.0);

    /// <summary>y = σ(x) from y′ = (y − y²)·x′.</summary>
    public static double[] Sigmoid(double[] x) => QuadraticOde(x, DoubleMath.Sigmoid(x[0]), constant: 0.0, linear: 1.0, quadratic: -1.0);

    /// <summary>y with y′ = (α + β·y + γ·y²)·x′, building the series of the bracket alongside y.</summary>
    private static double[] QuadraticOde(double[] x, double y0, double constant, double linear, double quadratic)
    {
        var n = x.Length;
        var y = new double[n];
        var d = new double[n];
        y[0] = y0;
        d[0] = constant + linear * y0 + quadratic * y0 * y0;
        for (var k = 1; k < n; k++)
        {
            y[k] = IntegrateStep(x, d, k);
            var square = 0.0;
            for (var j = 0; j <= k; j++) square += y[j] * y[k - j];
            d[k] = linear * y[k] + quadratic * square;
        }
        return y;
    }

    /// <summary>atan x: the integral of x′/(1 + x²).</summary>
    public static double[] Atan(double[] x) =>
        Integrate(Math.Atan(x[0]), x, Divide(Constant(1.0, x.Length), OnePlusSign(Multiply(x, x), 1.0)));

    /// <summary>asin x: the integral of x′/√(1 − x²).</summary>
    public static double[] Asin(double[] x) =>
        Integrate(Math.Asin(x[0]), x, Divide(Constant(1.0, x.Length), Sqrt(OnePlusSign(Multiply(x, x), -1.0))));

    /// <summary>acos x: the integral of −x′/√(1 − x²).</summary>
    public static double[] Acos(double[] x) =>
        Integrate(Math.Acos(x[0]), x, Divide(Constant(-1.0, x.Length), Sqrt(OnePlusSign(Multiply(x, x), -1.0))));

    /// <summary>atan2(y, x): the integral of (x·y′ − y·x′)/(x² + y²).</summary>
    public static double[] Atan2(double[] y, double[] x)
    {
        var n = x.Length;
        var result = new double[n];
        result[0] = Math.Atan2(y[0], x[0]);
        if (n == 1) return result;
        var xs = x[..(n - 1)];
        var ys = y[..(n - 1)];
        var numerator = Subtract(Multiply(xs, Differentiate(y)), Multiply(ys, Differentiate(x)));
        var rate = Divide(numerator, Add(Multiply(xs, xs), Multiply(ys, ys)));
        for (var k = 1; k < n; k++) result[k] = rate[k - 1] / k;
        return result;
    }

    /// <summary>1 + s·a (s = ±1).</summary>
    private static double[] OnePlusSign(double[] a, double s)
    {
        var c = Scale(a, s);
        c[0] += 1.0;
        return c;
    }

    // ---- machine learning and piecewise ---------------------------------------------------------

    /// <summary>erf x: the integral of (2/√π)·e^(−x²)·x′, with y₀ = erf x₀ given.</summary>
    public static double[] Erf(double[] x, double y0)
    {
        var slope = Exp(Scale(Multiply(x, x), -1.0));
        return Integrate(y0, x, Scale(slope, 2.0 / Math.Sqrt(Math.PI)));
    }

    /// <summary>softplus x: the integral of σ(x)·x′.</summary>
    public static double[] Softplus(double[] x) => Integrate(DoubleMath.Softplus(x[0]), x, Sigmoid(x));

    /// <summary>x·log y, and exactly 0 where x is identically 0 (the rule table's convention).</summary>
    public static double[] Xlogy(double[] x, double[] y)
    {
        if (IsZero(x)) return new double[x.Length];
        var c = Multiply(x, Log(y));
        c[0] = DoubleMath.Xlogy(x[0], y[0]);
        return c;
    }

    /// <summary>The piece of a piecewise function that is active at t₀; at a kink the conventions of
    /// the rule table (|x|′(0) = 0, relu′(0) = 0, a tie of max/min splits evenly) carry over to
    /// every order.</summary>
    public static double[] Abs(double[] x) => Scale(x, DoubleMath.Sign(x[0]));

    public static double[] Sign(double[] x) => Constant(DoubleMath.Sign(x[0]), x.Length);

    public static double[] Relu(double[] x) => Scale(x, x[0] > 0 ? 1.0 : double.IsNaN(x[0]) ? double.NaN : 0.0);

    public static double[] Max(double[] a, double[] b) => a[0] > b[0] ? (double[])a.Clone() : a[0] < b[0] ? (double[])b.Clone() : Tie(a, b);

    public static double[] Min(double[] a, double[] b) => a[0] < b[0] ? (double[])a.Clone() : a[0] > b[0] ? (double[])b.Clone() : Tie(a, b);

    private static double[] Tie(double[] a, double[] b) => Scale(Add(a, b), 0.5);

    public static bool IsConstant(double[] a)
    {
        for (var k = 1; k < a.Length; k++) if (a[k] != 0) return false;
        return true;
    }

    private static bool IsZero(double[] a) => a[0] == 0 && IsConstant(a);
}
