using static Functional.Numeric.NumericArguments;

namespace Functional.Numeric;

/// <summary>
/// Checks a gradient against finite differences — the tool to reach for when a derivative looks
/// wrong, like PyTorch's <c>gradcheck</c> or JAX's <c>check_grads</c>.
/// </summary>
/// <remarks>
/// <para>The numeric side is Ridders' extrapolation (<see cref="FiniteDifference.GradientWithError"/>),
/// accurate to ~1e-13 on smooth functions and with an error estimate e for every component.
/// With a the checked value and n the numeric one, a component's</para>
/// <para><c>RelativeError = |a − n| / max(|a|, |n|, absoluteFloor)</c>,</para>
/// <para>so that components near zero are judged by absolute error (relative error is meaningless
/// there), and the component passes when <c>|a − n| ≤ relativeTolerance·max(|a|, |n|, absoluteFloor) + e</c>
/// with a, n and e all finite: the numeric estimate's own uncertainty is granted, nothing more.
/// Defaults: relative tolerance 1e-6, floor 1e-3 (an absolute tolerance of 1e-9 near zero). A
/// wrong derivative is typically off by O(1) relative and fails by many orders of magnitude.</para>
/// <para>At a kink (abs, relu, max at a tie) the finite difference sees neither one-sided derivative,
/// its error estimate grows, and the check may pass or fail; check at points away from kinks.</para>
/// </remarks>
/// <example>
/// <code>
/// var report = GradCheck.Check(x =&gt; x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]), [1.0, 2.0]);
/// Console.WriteLine(report);          // a table; report.Passed is true
/// </code>
/// </example>
public static class GradCheck
{
    /// <summary>The default relative tolerance, 1e-6.</summary>
    public const double DefaultRelativeTolerance = 1e-6;

    /// <summary>The default floor of the scale relative errors are measured against, 1e-3.</summary>
    public const double DefaultAbsoluteFloor = 1e-3;

    /// <summary>Checks the reverse-mode gradient <see cref="AD.Grad(Func{Scalar[], Scalar})"/> of
    /// <paramref name="f"/> at <paramref name="x"/> against finite differences of f evaluated on constants.</summary>
    /// <param name="f">The function, as it is differentiated.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="relativeTolerance">The relative tolerance (non-negative).</param>
    /// <param name="absoluteFloor">The floor of the scale relative errors are measured against (non-negative).</param>
    /// <returns>The report; <see cref="GradCheckReport.Passed"/> says whether all components agree.</returns>
    public static GradCheckReport Check(Func<Scalar[], Scalar> f, double[] x, double relativeTolerance = DefaultRelativeTolerance, double absoluteFloor = DefaultAbsoluteFloor)
    {
        ArgumentNullException.ThrowIfNull(f);
        CheckPoint(x);
        CheckTolerances(relativeTolerance, absoluteFloor);
        var checkedValues = AD.Grad(f)(ToScalars(x)).ToDoubles();
        var numeric = FiniteDifference.GradientWithError(p => f(ToScalars(p)).Value, x);
        return Compare(x, checkedValues, numeric, relativeTolerance, absoluteFloor, "autodiff");
    }

    /// <summary>Checks a hand-written <paramref name="gradient"/> of <paramref name="f"/> at
    /// <paramref name="x"/> against finite differences (the "check your backprop" exercise).</summary>
    /// <param name="f">The function.</param>
    /// <param name="gradient">The gradient to check; must return one value per coordinate of x.</param>
    /// <param name="x">The point (non-empty, finite).</param>
    /// <param name="relativeTolerance">The relative tolerance (non-negative).</param>
    /// <param name="absoluteFloor">The floor of the scale relative errors are measured against (non-negative).</param>
    /// <returns>The report; its components' <see cref="GradCheckComponent.AdValue"/> hold the hand-written gradient.</returns>
    public static GradCheckReport Check(Func<double[], double> f, Func<double[], double[]> gradient, double[] x, double relativeTolerance = DefaultRelativeTolerance, double absoluteFloor = DefaultAbsoluteFloor)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradient);
        CheckPoint(x);
        CheckTolerances(relativeTolerance, absoluteFloor);
        var checkedValues = gradient((double[])x.Clone())
            ?? throw new ArgumentException("the gradient function returned null instead of an array", nameof(gradient));
        if (checkedValues.Length != x.Length)
            throw new ArgumentException($"the gradient function returned {checkedValues.Length} values but x has {x.Length} coordinates; it must return one partial derivative per coordinate", nameof(gradient));
        var numeric = FiniteDifference.GradientWithError(f, x);
        return Compare(x, checkedValues, numeric, relativeTolerance, absoluteFloor, "gradient");
    }

    private static GradCheckReport Compare(double[] x, double[] checkedValues, NumericEstimate[] numeric, double relativeTolerance, double absoluteFloor, string checkedName)
    {
        var components = new GradCheckComponent[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var a = checkedValues[i];
            var (n, e) = numeric[i];
            var difference = Math.Abs(a - n);
            var scale = Math.Max(Math.Max(Math.Abs(a), Math.Abs(n)), absoluteFloor);
            var relative = difference == 0 ? 0 : difference / scale;
            var passed = double.IsFinite(a) && double.IsFinite(n) && double.IsFinite(e)
                && difference <= relativeTolerance * scale + e;
            components[i] = new GradCheckComponent(i, a, n, e, relative, passed);
        }

        return new GradCheckReport((double[])x.Clone(), components, relativeTolerance, absoluteFloor, checkedName);
    }

    private static void CheckTolerances(double relativeTolerance, double absoluteFloor)
    {
        if (!(relativeTolerance >= 0 && double.IsFinite(relativeTolerance)))
            throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "the relative tolerance must be a non-negative finite number");
        if (!(absoluteFloor >= 0 && double.IsFinite(absoluteFloor)))
            throw new ArgumentOutOfRangeException(nameof(absoluteFloor), absoluteFloor, "the absolute floor must be a non-negative finite number");
    }

    private static Scalar[] ToScalars(double[] x)
    {
        var scalars = new Scalar[x.Length];
        for (var i = 0; i < x.Length; i++) scalars[i] = x[i];
        return scalars;
    }
}
