namespace Functional.Optimization;

/// <summary>Where a first-order optimiser stopped and the path of the loss on the way.</summary>
/// <param name="Point">The last iterate.</param>
/// <param name="Value">The loss at <paramref name="Point"/>.</param>
/// <param name="History">The loss at every iterate: entry k is f(x_k), from f(x0) to f(Point)
/// (steps + 1 entries).</param>
public sealed record OptimizationResult(double[] Point, double Value, IReadOnlyList<double> History);
