namespace Functional.Optimization;

/// <summary>Where a first-order optimiser stopped and the path of the loss on the way.</summary>
/// <param name="Point">The last iterate.</param>
/// <param name="Value">The loss at <paramref name="Point"/>.</param>
/// <param name="History">The loss at each step: entry k is f(x_k), the loss step k started from
/// (so entry 0 is f(x0); there are as many entries as steps, and <paramref name="Value"/> is the loss after the last).</param>
public sealed record OptimizationResult(double[] Point, double Value, IReadOnlyList<double> History);
