using static Functional.AD;

namespace Functional.Samples.Vectors;

/// <summary>
/// Seed 003's backward pass through z₁ = W₁x + b₁, y₁ = tanh z₁, z₂ = W₂y₁ + b₂, Y = softmax z₂ with
/// the KL divergence Div = KL(d‖Y) to a one-hot target d, written with <see cref="Vec"/> and
/// differentiated by <see cref="AD.Grad(Func{Scalar[], Scalar})"/>, beside the seed's hand-derived
/// formulas: ∇z₂ Div = Y − d, ∇y₁ Div = ∇z₂ Div·W₂, ∇z₁ Div = ∇y₁ Div ⊙ (1 − y₁²),
/// ∇W_k Div = (∇z_k Div)ᵀ y_{k−1}ᵀ (an outer product), ∇b_k Div = ∇z_k Div.
/// </summary>
public sealed class AffineBackprop(int inputs = 4, int hidden = 5, int classes = 3, int seed = 3)
{
    private readonly double[] x = Random(inputs, seed);
    private readonly double[] parameters = Random(hidden * inputs + hidden + classes * hidden + classes, seed + 1);
    private readonly int label = seed % classes;

    /// <summary>The largest difference between the gradient by AD and by the seed's formulas, and the number of parameters.</summary>
    public (double MaxDifference, int Parameters) Compare()
    {
        var byAd = Grad(Divergence)(Scalars.Of(parameters)).ToDoubles();
        var byHand = HandDerived();
        var max = byAd.Zip(byHand, (a, b) => Math.Abs(a - b)).Max();
        return (max, parameters.Length);
    }

    /// <summary>KL(d‖softmax(W₂ tanh(W₁x + b₁) + b₂)) as a function of the flat parameters [W₁, b₁, W₂, b₂].</summary>
    public Scalar Divergence(Scalar[] p)
    {
        var (w1, b1, w2, b2) = Split(p);
        var y1 = Vec.Map(Vec.Add(Vec.MatVec(w1, Scalars.Of(x)), b1), Scalar.Tanh);
        var y = Vec.Softmax(Vec.Add(Vec.MatVec(w2, y1), b2));
        return Vec.Kl(Target(), y);
    }

    /// <summary>The seed's backward pass, on doubles.</summary>
    public double[] HandDerived()
    {
        var (w1, b1, w2, b2) = Split(Scalars.Of(parameters));
        var z1 = new double[hidden];
        var y1 = new double[hidden];
        for (var i = 0; i < hidden; i++)
        {
            z1[i] = b1[i].Value;
            for (var j = 0; j < inputs; j++) z1[i] += w1[i, j].Value * x[j];
            y1[i] = Math.Tanh(z1[i]);
        }
        var z2 = new double[classes];
        for (var i = 0; i < classes; i++)
        {
            z2[i] = b2[i].Value;
            for (var j = 0; j < hidden; j++) z2[i] += w2[i, j].Value * y1[j];
        }
        var max = z2.Max();
        var total = z2.Sum(v => Math.Exp(v - max));
        var d = Target();
        var dz2 = z2.Select((v, i) => Math.Exp(v - max) / total - d[i].Value).ToArray();  // ∇z₂ = Y − d
        var dy1 = new double[hidden];                                                        // ∇y₁ = ∇z₂·W₂
        for (var j = 0; j < hidden; j++)
            for (var i = 0; i < classes; i++) dy1[j] += dz2[i] * w2[i, j].Value;
        var dz1 = dy1.Select((g, i) => g * (1 - y1[i] * y1[i])).ToArray();                 // ⊙ tanh′

        var gradient = new List<double>();
        for (var i = 0; i < hidden; i++)
            for (var j = 0; j < inputs; j++) gradient.Add(dz1[i] * x[j]);                  // ∇W₁ = ∇z₁ xᵀ
        gradient.AddRange(dz1);                                                              // ∇b₁ = ∇z₁
        for (var i = 0; i < classes; i++)
            for (var j = 0; j < hidden; j++) gradient.Add(dz2[i] * y1[j]);                 // ∇W₂ = ∇z₂ y₁ᵀ
        gradient.AddRange(dz2);                                                              // ∇b₂ = ∇z₂
        return [.. gradient];
    }

    private Scalar[] Target()
    {
        var d = new Scalar[classes];
        d[label] = 1;
        return d;
    }

    private (Scalar[,] W1, Scalar[] B1, Scalar[,] W2, Scalar[] B2) Split(Scalar[] p)
    {
        var span = p.AsSpan();
        var w1 = Vec.Reshape(span[..(hidden * inputs)], hidden, inputs);
        var offset = hidden * inputs;
        var b1 = span.Slice(offset, hidden).ToArray();
        offset += hidden;
        var w2 = Vec.Reshape(span.Slice(offset, classes * hidden), classes, hidden);
        var b2 = span[(offset + classes * hidden)..].ToArray();
        return (w1, b1, w2, b2);
    }

    private static double[] Random(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1)];
    }
}
