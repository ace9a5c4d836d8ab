using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Functional.Optimization;

/// <summary>Gives MathNet.Numerics' minimisers (<see cref="BfgsMinimizer"/>,
/// <see cref="LimitedMemoryBfgsMinimizer"/>, <see cref="NewtonMinimizer"/> …) exact derivatives.</summary>
public static class MathNetBridge
{
    /// <summary>An objective with f's value, its gradient by reverse mode and its Hessian by
    /// forward-over-reverse, each computed only when the minimiser asks for it.</summary>
    /// <exception cref="ArgumentNullException">f is null.</exception>
    public static IObjectiveFunction Objective(Func<Scalar[], Scalar> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var grad = AD.Grad(f);
        var hessian = AD.Hessian(f);
        return ObjectiveFunction.GradientHessian(
            x => f(Scalar.Constants(x.AsArray() ?? x.ToArray())).Value,
            x => Vector<double>.Build.DenseOfArray(grad(Scalar.Constants(x.AsArray() ?? x.ToArray())).ToDoubles()),
            x => Matrix<double>.Build.DenseOfArray(hessian(Scalar.Constants(x.AsArray() ?? x.ToArray())).ToDoubles()));
    }
}
