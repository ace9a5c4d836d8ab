using System.Numerics.Tensors;

namespace Functional;

public static partial class Vec
{
    /// <summary>softmax(z)ᵢ = exp(zᵢ)/Σⱼ exp(zⱼ), computed after subtracting max z so that
    /// extreme logits (±1000) neither overflow nor give NaN.</summary>
    /// <exception cref="ArgumentException">z is empty.</exception>
    public static Scalar[] Softmax(Scalar[] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        CheckNotEmpty(z, "Softmax", nameof(z));
        return SoftmaxCore(z);
    }

    /// <summary>log softmax(z)ᵢ = zᵢ − LogSumExp(z), stable at extreme logits.</summary>
    /// <exception cref="ArgumentException">z is empty.</exception>
    public static Scalar[] LogSoftmax(Scalar[] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        CheckNotEmpty(z, "LogSoftmax", nameof(z));
        var n = z.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("log softmax", n, n)
        {
            Value = (x, y) => TensorPrimitives.Subtract(x, LogSumExpOf(x), y),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                // dz = dy − softmax·Σdy, softmax = exp(y)
                var total = TensorPrimitives.Sum(dy);
                for (var i = 0; i < n; i++) dx[i] += dy[i] - Math.Exp(y[i]) * total;
            },
            PullbackScalars = (x, y, dy, dx) => Accumulate(dx, SubtractCore(dy, ScaleCore(SumCore(dy), SoftmaxCore(x)))),
            Forward = (x, y, dx, dy) => SubtractCore(dx, Fill(DotCore(SoftmaxCore(x), dx), n)).CopyTo(dy),
        }, z);
    }

    /// <summary>log Σ exp(zᵢ), computed as max z + log Σ exp(zᵢ − max z) (stable at ±1000).</summary>
    /// <exception cref="ArgumentException">z is empty.</exception>
    public static Scalar LogSumExp(Scalar[] z)
    {
        ArgumentNullException.ThrowIfNull(z);
        CheckNotEmpty(z, "LogSumExp", nameof(z));
        return LogSumExpCore(z);
    }

    /// <summary>The cross-entropy of the logits against the class <paramref name="label"/>:
    /// −log softmax(logits)[label] = LogSumExp(logits) − logits[label]. Its gradient is
    /// softmax(logits) − onehot(label).</summary>
    /// <exception cref="ArgumentException">logits is empty or the label is not an index into it.</exception>
    public static Scalar CrossEntropy(Scalar[] logits, int label)
    {
        ArgumentNullException.ThrowIfNull(logits);
        CheckNotEmpty(logits, "CrossEntropy", nameof(logits));
        CheckLabel(label, logits.Length);
        return CrossEntropyCore(logits, label);
    }

    /// <summary>The Kullback–Leibler divergence KL(p‖q) = Σ pᵢ·log(pᵢ/qᵢ), with 0·log 0 = 0: a term
    /// with pᵢ = 0 contributes nothing (its partial towards qᵢ is 0; towards pᵢ it is log(pᵢ/qᵢ) + 1,
    /// which is −∞ there, the formula's value).</summary>
    /// <exception cref="ArgumentException">The lengths differ or the vectors are empty.</exception>
    public static Scalar Kl(Scalar[] p, Scalar[] q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        CheckSameLength(p, q, "Kl");
        CheckNotEmpty(p, "Kl", nameof(p));
        var n = p.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("kl", 2 * n, 1)
        {
            Value = (x, y) =>
            {
                var sum = 0.0;
                for (var i = 0; i < n; i++)
                    if (x[i] != 0) sum += x[i] * (Math.Log(x[i]) - Math.Log(x[n + i]));
                y[0] = sum;
            },
            PullbackDoubles = (x, y, dy, dx) =>
            {
                for (var i = 0; i < n; i++)
                {
                    dx[i] += dy[0] * (Math.Log(x[i]) - Math.Log(x[n + i]) + 1);
                    if (x[i] != 0) dx[n + i] -= dy[0] * x[i] / x[n + i];
                }
            },
            PullbackScalars = (x, y, dy, dx) =>
            {
                for (var i = 0; i < n; i++)
                {
                    dx[i] += dy[0] * (Scalar.Log(x[i]) - Scalar.Log(x[n + i]) + 1);
                    if (!IsConstantZero(x[i])) dx[n + i] -= dy[0] * x[i] / x[n + i];
                }
            },
            Forward = (x, y, dx, dy) =>
            {
                Scalar sum = 0;
                for (var i = 0; i < n; i++)
                {
                    if (!IsConstantZero(dx[i])) sum += (Scalar.Log(x[i]) - Scalar.Log(x[n + i]) + 1) * dx[i];
                    if (!IsConstantZero(x[i]) && !IsConstantZero(dx[n + i])) sum -= x[i] / x[n + i] * dx[n + i];
                }
                dy[0] = sum;
            },
        }, p, q)[0];
    }

    internal static Scalar[] SoftmaxCore(ReadOnlySpan<Scalar> z)
    {
        var n = z.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("softmax", n, n)
        {
            Value = (x, y) => SoftmaxOf(x, y),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                // dz = s ⊙ (dy − s·dy)
                var t = TensorPrimitives.Dot(dy, y);
                for (var i = 0; i < n; i++) dx[i] += y[i] * (dy[i] - t);
            },
            PullbackScalars = (x, y, dy, dx) => Accumulate(dx, MultiplyCore(y, SubtractCore(dy, Fill(DotCore(dy, y), n)))),
            Forward = (x, y, dx, dy) => MultiplyCore(y, SubtractCore(dx, Fill(DotCore(y, dx), n))).CopyTo(dy),
        }, z);
    }

    internal static Scalar LogSumExpCore(ReadOnlySpan<Scalar> z)
    {
        var n = z.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("log-sum-exp", n, 1)
        {
            Value = (x, y) => y[0] = LogSumExpOf(x),
            PullbackDoubles = (x, y, dy, dx) =>
            {
                Span<double> s = n <= 256 ? stackalloc double[n] : new double[n];
                SoftmaxOf(x, s);
                DenseKernels.Axpy(dy[0], s, dx);
            },
            PullbackScalars = (x, y, dy, dx) => Accumulate(dx, ScaleCore(dy[0], SoftmaxCore(x))),
            Forward = (x, y, dx, dy) => dy[0] = DotCore(SoftmaxCore(x), dx),
        }, z)[0];
    }

    internal static Scalar CrossEntropyCore(ReadOnlySpan<Scalar> logits, int label)
    {
        var n = logits.Length;
        return ArrayOpDispatch.Apply(new ArrayOp("cross-entropy", n, 1)
        {
            Value = (x, y) => y[0] = LogSumExpOf(x) - x[label],
            PullbackDoubles = (x, y, dy, dx) => AddCrossEntropyGradient(x, label, dy[0], dx),
            PullbackScalars = (x, y, dy, dx) =>
            {
                var r = ScaleCore(dy[0], SoftmaxCore(x));
                r[label] -= dy[0];
                Accumulate(dx, r);
            },
            Forward = (x, y, dx, dy) => dy[0] = DotCore(SoftmaxCore(x), dx) - dx[label],
        }, logits)[0];
    }

    /// <summary>dx += g·(softmax(x) − onehot(label)).</summary>
    internal static void AddCrossEntropyGradient(ReadOnlySpan<double> x, int label, double g, Span<double> dx)
    {
        Span<double> s = x.Length <= 256 ? stackalloc double[x.Length] : new double[x.Length];
        SoftmaxOf(x, s);
        DenseKernels.Axpy(g, s, dx);
        dx[label] -= g;
    }

    internal static void SoftmaxOf(ReadOnlySpan<double> x, Span<double> y)
    {
        var max = TensorPrimitives.Max(x);
        if (double.IsInfinity(max)) max = 0; // all −∞ (or some +∞): let the arithmetic show it
        TensorPrimitives.Subtract(x, max, y);
        TensorPrimitives.Exp(y, y);
        TensorPrimitives.Divide(y, TensorPrimitives.Sum(y), y);
    }

    internal static double LogSumExpOf(ReadOnlySpan<double> x)
    {
        var max = TensorPrimitives.Max(x);
        if (double.IsInfinity(max)) return max == double.NegativeInfinity ? max : Math.Log(SumExp(x, 0));
        return max + Math.Log(SumExp(x, max));
    }

    private static double SumExp(ReadOnlySpan<double> x, double shift)
    {
        var sum = 0.0;
        foreach (var v in x) sum += Math.Exp(v - shift);
        return sum;
    }

    private static void CheckLabel(int label, int classes)
    {
        if ((uint)label >= (uint)classes)
            throw new ArgumentOutOfRangeException(nameof(label), label, $"the label {label} is not a class index: the logits have {classes} entries (0 to {classes - 1})");
    }
}
