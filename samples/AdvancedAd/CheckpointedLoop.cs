using System.Diagnostics;

namespace Functional.AdvancedAd;

/// <summary>
/// Gradient checkpointing (seed 004, §7) on a long loop: L steps of a pendulum (symplectic Euler,
/// state [x, v], parameter θ), the loss x_L² + v_L, differentiated with respect to (x₀, v₀, θ) either
/// plainly — the tape holds every step — or as √L checkpointed segments, each of which the tape keeps
/// as one entry and recomputes during the backward sweep. The gradients are bit-identical.
/// </summary>
/// <remarks>
/// Peak memory is measured as the largest growth of the live managed heap over its size before the
/// gradient call: <see cref="GC.GetTotalMemory(bool)"/> after a full collection, probed inside the loop
/// body every <see cref="ProbeInterval"/> steps (so also during the checkpointed re-runs of the backward
/// sweep) and once after the call. Tapes rent their storage from <see cref="System.Buffers.ArrayPool{T}"/>,
/// whose arrays stay reachable after they are returned, so the probe after the call also sees the
/// plain sweep's peak; for the same reason measure in a fresh process, checkpointed first
/// (<see cref="MeasurePeakMemory"/>), or a warm pool would hide the plain run's arrays.
/// </remarks>
public sealed class CheckpointedLoop(int length = 100_000)
{
    /// <summary>The time step.</summary>
    public const double Dt = 1e-4;

    /// <summary>Steps between two memory probes.</summary>
    public const int ProbeInterval = 2_000;

    /// <summary>The initial state and parameter (x₀, v₀, θ).</summary>
    public static readonly double[] Start = [0.8, -0.3, 1.7];

    private Action? probe;
    private long stepCount;

    /// <summary>L, the number of steps.</summary>
    public int Length { get; } = length > 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), length, "the loop needs at least one step");

    /// <summary>⌈√L⌉ steps per checkpointed segment.</summary>
    public int SegmentLength => (int)Math.Ceiling(Math.Sqrt(Length));

    /// <summary>`steps` steps from [x, v, θ]; returns [x, v].</summary>
    public Scalar[] Steps(Scalar[] s, int steps)
    {
        Scalar x = s[0], v = s[1], theta = s[2];
        for (var t = 0; t < steps; t++)
        {
            v -= Dt * theta * Scalar.Sin(x);
            x += Dt * v;
            if (probe is not null && ++stepCount % ProbeInterval == 0) probe();
        }
        return [x, v];
    }

    /// <summary>The loss x_L² + v_L at p = (x₀, v₀, θ).</summary>
    public Scalar Loss(Scalar[] p, bool checkpointed)
    {
        var segment = checkpointed ? AD.Checkpoint(s => Steps(s, SegmentLength)) : s => Steps(s, SegmentLength);
        Scalar[] state = [p[0], p[1]];
        var done = 0;
        for (; done + SegmentLength <= Length; done += SegmentLength) state = segment([state[0], state[1], p[2]]);
        if (done < Length) state = Steps([state[0], state[1], p[2]], Length - done);
        return state[0] * state[0] + state[1];
    }

    /// <summary>Loss and gradient at <see cref="Start"/>.</summary>
    public (double Value, double[] Gradient) Gradient(bool checkpointed)
    {
        var (value, gradient) = AD.ValueAndGrad(p => Loss(p, checkpointed))(Start.AsScalars());
        return (value.Value, gradient.ToDoubles());
    }

    /// <summary>Peak growth of the live managed heap during one gradient (see the class remarks).</summary>
    public long PeakBytes(bool checkpointed)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        void Probe() => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        probe = Probe;
        try { Gradient(checkpointed); }
        finally { probe = null; }
        Probe();
        return peak;
    }

    /// <summary>Peak memory with and without checkpointing, checkpointed first (see the class remarks).</summary>
    public (long Checkpointed, long Plain) MeasurePeakMemory()
    {
        var checkpointed = PeakBytes(checkpointed: true);
        return (checkpointed, PeakBytes(checkpointed: false));
    }

    /// <summary>Prints both gradients, their bitwise agreement, the time and the peak memory of each.</summary>
    public static void Run(TextWriter output)
    {
        var loop = new CheckpointedLoop();
        var (checkpointedPeak, plainPeak) = loop.MeasurePeakMemory();
        var timer = Stopwatch.StartNew();
        var plain = loop.Gradient(checkpointed: false);
        var plainTime = timer.Elapsed.TotalMilliseconds;
        timer.Restart();
        var checkpointed = loop.Gradient(checkpointed: true);
        var checkpointedTime = timer.Elapsed.TotalMilliseconds;
        var identical = plain.Gradient.Zip(checkpointed.Gradient).All(p => BitConverter.DoubleToInt64Bits(p.First) == BitConverter.DoubleToInt64Bits(p.Second));
        output.WriteLine($"L = {loop.Length} steps, {loop.Length / loop.SegmentLength} checkpointed segments of {loop.SegmentLength}");
        output.WriteLine($"loss = {plain.Value:R}, gradient (x0, v0, theta) = {Format.Vector(plain.Gradient)}");
        output.WriteLine($"checkpointed gradient bit-identical: {identical}");
        output.WriteLine($"peak memory: plain {Format.Bytes(plainPeak)}, checkpointed {Format.Bytes(checkpointedPeak)} " +
            $"({(double)plainPeak / Math.Max(1, checkpointedPeak):F1}x less)");
        output.WriteLine($"one gradient (warm, single run; see bench/ for BenchmarkDotNet): plain {plainTime:F1} ms, checkpointed {checkpointedTime:F1} ms");
    }
}
