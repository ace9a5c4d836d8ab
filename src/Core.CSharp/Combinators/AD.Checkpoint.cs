namespace Functional;

public static partial class AD
{
    /// <summary>f, recomputed instead of remembered: under reverse mode a call records one tape entry that
    /// keeps only its inputs and outputs, and the backward sweep runs f again (on a tape of its own) to
    /// get its pullback. Splitting a loop of L steps into √L checkpointed segments brings the memory of
    /// its gradient from O(L) to O(√L) for about one extra forward pass; the gradients are
    /// bit-identical to those without checkpointing. Outside reverse mode it is just f.</summary>
    /// <example><code>
    /// var segment = Checkpoint(s =&gt; { var h = s[0]; for (var t = 0; t &lt; 300; t++) h = h + 0.001 * Scalar.Sin(s[1] * h); return [h]; });
    /// var loss = (Scalar[] p) =&gt; { Scalar[] h = [p[0]]; for (var k = 0; k &lt; 300; k++) h = segment([h[0], p[1]]); return h[0]; };
    /// Scalar[] g = Grad(loss)([0.5, 2.0]);
    /// </code></example>
    /// <remarks>f must be deterministic. Pass the parameters it uses in x: a call of an f that captures
    /// a value being differentiated is still differentiated correctly, but recorded as usual (nothing
    /// saved), since a re-run during the sweep could not reach the captured value's tape.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> (or later x) is null.</exception>
    /// <exception cref="ArgumentException">f returns null.</exception>
    public static Func<Scalar[], Scalar[]> Checkpoint(Func<Scalar[], Scalar[]> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var function = new CheckpointedFunction(f);
        return x =>
        {
            CheckInput(x);
            if (TopOf(x) is not Tape) return function.Checked(x); // constants or forward mode on top: nothing is recorded
            var point = Scalar.Primals(x);
            var values = function.OnConstantsUnlessCapturing(point);
            return values is null
                ? function.Checked(x) // f captures a value being differentiated: recorded as usual, nothing saved
                : Scalar.Apply(new CheckpointOp(function, point, values), x);
        };
    }

    /// <summary>The differentiation of the highest level among x (null when all are constants).</summary>
    private static Differentiation? TopOf(ReadOnlySpan<Scalar> x)
    {
        Differentiation? top = null;
        foreach (var v in x)
            if (v.Node is { } node && (top is null || node.Owner.Level > top.Level)) top = node.Owner;
        return top;
    }
}
