namespace Functional.AdvancedAd;

/// <summary>
/// MAML on the linear model of seed 004 (§9.1): one inner gradient step on the support set, then the
/// query loss of the adapted model, differentiated with respect to the initial parameters through
/// the inner step (a gradient of a gradient: the meta-gradient is (I − αH)·∇L_query).
/// </summary>
public static class Maml
{
    /// <summary>Support set: y = 2x.</summary>
    public static readonly double[] SupportX = [1, 2, 3], SupportY = [2, 4, 6];

    /// <summary>Query set.</summary>
    public static readonly double[] QueryX = [4, 5], QueryY = [8, 10];

    /// <summary>The inner learning rate α.</summary>
    public const double InnerStep = 0.1;

    /// <summary>Mean squared error of y = w·x + b.</summary>
    public static Scalar Mse(Scalar w, Scalar b, double[] x, double[] y)
    {
        Scalar sum = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var r = w * x[i] + b - y[i];
            sum += r * r;
        }
        return sum / x.Length;
    }

    /// <summary>One gradient step on the support loss; differentiable in (w, b).</summary>
    public static Scalar[] Adapt(Scalar[] p)
    {
        var g = AD.Grad(q => Mse(q[0], q[1], SupportX, SupportY))(p);
        return [p[0] - InnerStep * g[0], p[1] - InnerStep * g[1]];
    }

    /// <summary>The query loss of the adapted model.</summary>
    public static Scalar MetaLoss(Scalar[] p)
    {
        var adapted = Adapt(p);
        return Mse(adapted[0], adapted[1], QueryX, QueryY);
    }

    /// <summary>Adapted parameters, query loss and meta-gradient at (w, b).</summary>
    public static (double[] Adapted, double QueryLoss, double[] MetaGradient) At(double w, double b)
    {
        var (loss, gradient) = AD.ValueAndGrad(MetaLoss)([w, b]);
        return (Adapt([w, b]).ToDoubles(), loss.Value, gradient.ToDoubles());
    }

    /// <summary>Prints the seed's numbers.</summary>
    public static void Run(TextWriter output)
    {
        var (adapted, loss, meta) = At(1.5, 0.0);
        output.WriteLine($"w (meta) = 1.5, b (meta) = 0, inner step {InnerStep}");
        output.WriteLine($"after one inner step: w_adapted = {adapted[0]:R}, b_adapted = {adapted[1]:R}");
        output.WriteLine($"query loss = {loss:R}");
        output.WriteLine($"meta-gradient = {Format.Vector(meta)}");
    }
}
