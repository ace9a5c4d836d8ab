using static Functional.Core.Tests.Advanced.Reference;

namespace Functional.Core.Tests.Advanced;

public class CheckpointTests
{
    private const double Dt = 0.01;

    /// <summary>A pendulum, symplectic Euler: state [x, v], parameter θ; `steps` steps.</summary>
    private static Scalar[] Steps(Scalar[] s, int steps)
    {
        Scalar x = s[0], v = s[1], theta = s[2];
        for (var t = 0; t < steps; t++)
        {
            v -= Dt * theta * Scalar.Sin(x);
            x += Dt * v;
        }
        return [x, v];
    }

    /// <summary>L steps as √L checkpointed segments (θ passed into every segment) or plainly.</summary>
    private static Scalar Loss(Scalar[] p, int length, bool checkpointed)
    {
        var segmentLength = (int)Math.Ceiling(Math.Sqrt(length));
        var segment = Checkpoint(s => Steps(s, segmentLength));
        Scalar[] state = [p[0], p[1]];
        for (var done = 0; done < length; done += segmentLength)
        {
            var steps = Math.Min(segmentLength, length - done);
            state = checkpointed && steps == segmentLength ? segment([state[0], state[1], p[2]]) : Steps([state[0], state[1], p[2]], steps);
        }
        return state[0] * state[0] + state[1];
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(2_500)]
    [InlineData(1_234)] // a shorter last segment, run plainly
    public void Checkpointed_and_plain_gradients_are_bit_identical(int length)
    {
        var p = S(0.8, -0.3, 1.7);
        var plain = ValueAndGrad(q => Loss(q, length, checkpointed: false))(p);
        var checkpointed = ValueAndGrad(q => Loss(q, length, checkpointed: true))(p);
        Identical([plain.Value.Value], [checkpointed.Value.Value]);
        Identical(plain.Gradient.ToDoubles(), checkpointed.Gradient.ToDoubles());
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        double[] p = [0.8, -0.3, 1.7];
        var g = Grad(q => Loss(q, 400, checkpointed: true))(S(p)).ToDoubles();
        var numeric = new MathNet.Numerics.Differentiation.NumericalJacobian(5, 2)
            .Evaluate(q => Loss(S(q), 400, checkpointed: false).Value, p);
        Close(numeric, g, 1e-7);
    }

    [Fact]
    public void Outside_reverse_mode_it_is_just_f()
    {
        var segment = Checkpoint(s => Steps(s, 50));
        var p = S(0.8, -0.3, 1.7);
        Identical(Steps(p, 50).ToDoubles(), segment(p).ToDoubles());
        // forward mode: the same derivatives as without the checkpoint
        Identical(JacFwd(s => Steps(s, 50))(p).ToDoubles().Cast<double>().ToArray(),
            JacFwd(segment)(p).ToDoubles().Cast<double>().ToArray());
    }

    [Fact]
    public void Second_derivatives_through_a_checkpoint_match_the_plain_ones()
    {
        var p = S(0.8, -0.3, 1.7);
        var plain = Hessian(q => Loss(q, 100, checkpointed: false))(p).ToDoubles();
        Close(plain, Hessian(q => Loss(q, 100, checkpointed: true))(p).ToDoubles(), 1e-11, "fwd∘rev");
        Close(plain, JacRev(Grad(q => Loss(q, 100, checkpointed: true)))(p).ToDoubles(), 1e-11, "rev∘rev");
        Close(plain, JacRev(GradFwd(q => Loss(q, 100, checkpointed: true)))(p).ToDoubles(), 1e-11, "rev∘fwd");
    }

    [Fact]
    public void Inside_an_outer_differentiation()
    {
        // the derivative in θ (outer, forward or reverse) of the gradient in x₀ (inner, reverse, checkpointed)
        Scalar Inner(Scalar theta, bool checkpointed) => Grad(q => Loss([q[0], -0.3, theta], 100, checkpointed))(S(0.8))[0];
        var expected = Derivative(t => Inner(t, false))(1.7).Value;
        Close(expected, Derivative(t => Inner(t, true))(1.7).Value, 1e-12);
        Close(expected, Grad((Scalar t) => Inner(t, true))(1.7).Value, 1e-12);
        Assert.NotEqual(0.0, expected);
    }

    [Fact]
    public void Bad_calls_throw_clear_exceptions()
    {
        Assert.Throws<ArgumentNullException>(() => Checkpoint(null!));
        Assert.Throws<ArgumentNullException>(() => Checkpoint(x => x)(null!));
        Assert.Throws<ArgumentException>(() => Grad(x => Checkpoint(_ => null!)(x)[0])(S(1.0)));
    }

    [Fact]
    public void A_function_capturing_a_value_being_differentiated_is_recorded_plainly_and_stays_correct()
    {
        // θ captured instead of passed in: no memory saved, but the same gradient bit for bit
        Scalar CapturingLoss(Scalar[] p, bool checkpointed)
        {
            Func<Scalar[], Scalar[]> steps = s => Steps([s[0], s[1], p[2]], 50);
            var segment = checkpointed ? Checkpoint(steps) : steps;
            Scalar[] state = [p[0], p[1]];
            for (var k = 0; k < 10; k++) state = segment(state);
            return state[0] * state[0] + state[1];
        }
        var p = S(0.8, -0.3, 1.7);
        Identical(Grad(q => CapturingLoss(q, false))(p).ToDoubles(), Grad(q => CapturingLoss(q, true))(p).ToDoubles());
        var outer = Derivative(t => Grad(q => CapturingLoss([q[0], q[1], t], true))(S(0.8, -0.3))[0])(1.7).Value;
        Close(Derivative(t => Grad(q => CapturingLoss([q[0], q[1], t], false))(S(0.8, -0.3))[0])(1.7).Value, outer, 1e-12);
    }
}
