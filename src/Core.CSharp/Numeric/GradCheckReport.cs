using System.Globalization;
using System.Text;

namespace Functional.Numeric;

/// <summary>
/// The result of <see cref="GradCheck.Check(Func{Scalar[], Scalar}, double[], double, double)"/>:
/// every component of the checked gradient beside its finite-difference estimate.
/// <see cref="ToString"/> prints a table.
/// </summary>
public sealed class GradCheckReport
{
    private readonly string checkedName;

    internal GradCheckReport(double[] point, IReadOnlyList<GradCheckComponent> components, double relativeTolerance, double absoluteFloor, string checkedName)
    {
        Point = point;
        Components = components;
        RelativeTolerance = relativeTolerance;
        AbsoluteFloor = absoluteFloor;
        this.checkedName = checkedName;
        Failures = components.Where(c => !c.Passed).ToArray();
        MaxRelativeError = components.Count == 0 ? 0 : components.Max(c => double.IsNaN(c.RelativeError) ? double.PositiveInfinity : c.RelativeError);
    }

    /// <summary>The point the gradient was checked at.</summary>
    public IReadOnlyList<double> Point { get; }

    /// <summary>One entry per coordinate, in order.</summary>
    public IReadOnlyList<GradCheckComponent> Components { get; }

    /// <summary>The components that failed (empty when the check passed).</summary>
    public IReadOnlyList<GradCheckComponent> Failures { get; }

    /// <summary>True when every component passed.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>The largest <see cref="GradCheckComponent.RelativeError"/> (∞ when one is NaN).</summary>
    public double MaxRelativeError { get; }

    /// <summary>The relative tolerance the components were held to.</summary>
    public double RelativeTolerance { get; }

    /// <summary>The floor of the scale relative errors are measured against.</summary>
    public double AbsoluteFloor { get; }

    /// <summary>A summary line and a table: index, checked value, numeric value ± error estimate, relative error, verdict.</summary>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(Passed ? "GradCheck passed: " : "GradCheck FAILED: ")
            .Append(c, $"{Components.Count - Failures.Count} of {Components.Count} components agree")
            .Append(c, $" (relative tolerance {RelativeTolerance:G3}, floor {AbsoluteFloor:G3}, max relative error {MaxRelativeError:G3})");
        if (!Passed)
            text.Append(c, $"; wrong: {string.Join(", ", Failures.Select(f => $"x[{f.Index}]"))}");
        text.AppendLine();
        text.AppendLine(string.Create(c, $"{"i",4}  {checkedName,22}  {"numeric",22}  {"± error",9}  {"rel. error",10}"));
        foreach (var row in Components)
            text.AppendLine(string.Create(c,
                $"{row.Index,4}  {row.AdValue,22:R}  {row.NumericValue,22:R}  {row.NumericError,9:G2}  {row.RelativeError,10:G2}  {(row.Passed ? "ok" : "FAIL")}"));
        return text.ToString().TrimEnd();
    }
}
