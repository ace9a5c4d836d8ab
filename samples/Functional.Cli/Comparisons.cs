using Functional.Numeric;

namespace Functional.Cli;

/// <summary>A gradient by each of the four methods, in the order of <c>--at</c>.</summary>
internal sealed record GradientComparison(double[] Forward, double[] Reverse, double[] Symbolic, NumericEstimate[] Numeric)
{
    /// <summary>The four gradients, named as in the JSON output.</summary>
    public IEnumerable<(string Method, double[] Values)> Methods =>
    [
        ("forward", Forward), ("reverse", Reverse), ("symbolic", Symbolic), ("numeric", [.. Numeric.Select(e => e.Value)]),
    ];
}

/// <summary>A Hessian by each of the three methods, rows and columns in the order of <c>--at</c>.</summary>
internal sealed record HessianComparison(double[,] ForwardOverReverse, double[,] Symbolic, NumericEstimate[,] Numeric)
{
    /// <summary>The three Hessians, named as in the JSON output.</summary>
    public IEnumerable<(string Method, double[,] Values)> Methods =>
    [
        ("forward-over-reverse", ForwardOverReverse), ("symbolic", Symbolic), ("numeric", Values(Numeric)),
    ];

    private static double[,] Values(NumericEstimate[,] estimates)
    {
        var n = estimates.GetLength(0);
        var values = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                values[i, j] = estimates[i, j].Value;
        return values;
    }
}
