using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Functional.Cli;

/// <summary>An objective that appends the value of every evaluation to a shared list (also through the
/// copies MathNet's line searches make), so the loss of a BFGS or Newton run can be plotted.</summary>
internal sealed class RecordingObjective(IObjectiveFunction inner, List<double> history) : IObjectiveFunction
{
    public Vector<double> Point => inner.Point;
    public double Value => inner.Value;
    public bool IsGradientSupported => inner.IsGradientSupported;
    public Vector<double> Gradient => inner.Gradient;
    public bool IsHessianSupported => inner.IsHessianSupported;
    public Matrix<double> Hessian => inner.Hessian;

    public void EvaluateAt(Vector<double> point)
    {
        inner.EvaluateAt(point);
        history.Add(inner.Value);
    }

    public IObjectiveFunction Fork() => new RecordingObjective(inner.Fork(), history);

    public IObjectiveFunction CreateNew() => new RecordingObjective(inner.CreateNew(), history);
}
