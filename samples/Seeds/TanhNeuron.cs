using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Seed 001's neuron: o = tanh(x1·w1 + x2·w2 + b) with x1 = 2, x2 = 0, w1 = −3, w2 = 1 and
/// b = 6.8813735870195432, chosen so that o = 1/√2 ≈ 0.7071 and 1 − o² = ½. Backpropagation gives
/// ∂o/∂x1 = −1.5, ∂o/∂w1 = 1, ∂o/∂x2 = 0.5, ∂o/∂w2 = 0 (and ∂o/∂b = 0.5).</summary>
public static class TanhNeuron
{
    /// <summary>The inputs in the order x1, w1, x2, w2, b.</summary>
    public static readonly double[] Inputs = [2.0, -3.0, 0.0, 1.0, 6.8813735870195432];

    /// <summary>The names of <see cref="Inputs"/>.</summary>
    public static readonly string[] Names = ["x1", "w1", "x2", "w2", "b"];

    /// <summary>The neuron over p = [x1, w1, x2, w2, b].</summary>
    public static Scalar Neuron(Scalar[] p) => Scalar.Tanh(p[0] * p[1] + p[2] * p[3] + p[4]);

    /// <summary>Prints o and its gradient with respect to every input.</summary>
    public static void Run(TextWriter output)
    {
        var (o, gradient) = ValueAndGrad(Neuron)([.. Inputs.Select(v => (Scalar)v)]);
        output.WriteLine($"o                   = {o.Value,-20:F4} ({Number(o)})");
        for (var i = 0; i < Names.Length; i++)
            output.WriteLine($"do/d{Names[i],-3}             = {gradient[i].Value,-20:F4} ({Number(gradient[i])})");
    }
}
