namespace Functional;

/// <summary>
/// The function behind <see cref="AD.Checkpoint"/>: f with the checks of its results, and the length of
/// its last re-run's tape, so that later re-runs rent a tape of the right size at once.
/// </summary>
internal sealed class CheckpointedFunction(Func<Scalar[], Scalar[]> f)
{
    private const string Combinator = "Checkpoint";
    private int capacityHint = 64;

    /// <summary>f with a null result turned into a clear error.</summary>
    public Scalar[] Checked(Scalar[] x) => UserFunctions.Checked(f(x), Combinator, "f", expectedLength: null);

    public double[] OnConstants(ReadOnlySpan<double> x) => UserFunctions.OnConstants(f, x, Combinator, "f");

    /// <summary>f's outputs on constants, or null when they carry derivatives: f then uses a value being
    /// differentiated that is not among its inputs, which a re-run during the sweep could not see.</summary>
    public double[]? OnConstantsUnlessCapturing(ReadOnlySpan<double> x)
    {
        var y = Checked(Scalar.Constants(x));
        foreach (var v in y)
            if (!v.IsConstant) return null;
        return Scalar.Primals(y);
    }

    public Tape NewTape() => new(capacityHint);

    /// <summary>f again on <paramref name="tape"/>'s variables: its outputs, each on that tape or a constant.</summary>
    public Scalar[] Rerun(Tape tape, Scalar[] inputs, int expectedOutputs)
    {
        Scalar[] outputs;
        try
        {
            outputs = UserFunctions.Checked(f(inputs), Combinator, "f", expectedOutputs,
                $"it returned {expectedOutputs} on the forward pass (a checkpointed function must be deterministic)");
        }
        finally { tape.Finish(); }
        capacityHint = tape.Count;
        foreach (var y in outputs)
            if (y.Node != tape) UserFunctions.EnsureConstant(y, Combinator, "f");
        return outputs;
    }
}
