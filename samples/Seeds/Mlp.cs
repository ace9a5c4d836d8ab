using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Seed 001's MLP: three inputs, two hidden layers of four tanh neurons, one tanh output
/// (3-4-4-1, 41 parameters), trained by plain gradient descent on micrograd's four samples with
/// the squared-error loss. The network is an ordinary function of a flat parameter array, so
/// <see cref="AD.ValueAndGrad(Func{Scalar[], Scalar})"/> gives the loss and its gradient in one
/// reverse sweep.</summary>
public static class Mlp
{
    /// <summary>The layer widths: input, hidden, hidden, output.</summary>
    public static readonly int[] Layers = [3, 4, 4, 1];

    /// <summary>micrograd's inputs.</summary>
    public static readonly double[][] Inputs = [[2.0, 3.0, -1.0], [3.0, -1.0, 0.5], [0.5, 1.0, 1.0], [1.0, 1.0, -1.0]];

    /// <summary>micrograd's targets.</summary>
    public static readonly double[] Targets = [1.0, -1.0, -1.0, 1.0];

    /// <summary>The number of parameters: for each layer, a weight per input and a bias per neuron.</summary>
    public static int ParameterCount => Enumerable.Range(1, Layers.Length - 1).Sum(l => (Layers[l - 1] + 1) * Layers[l]);

    /// <summary>The network's output for one input; parameters are laid out layer by layer,
    /// neuron by neuron, weights then bias.</summary>
    public static Scalar Predict(Scalar[] parameters, double[] input)
    {
        Scalar[] activations = [.. input.Select(v => (Scalar)v)];
        var k = 0;
        for (var l = 1; l < Layers.Length; l++)
        {
            var next = new Scalar[Layers[l]];
            for (var n = 0; n < next.Length; n++)
            {
                Scalar sum = 0.0;
                foreach (var a in activations) sum += parameters[k++] * a;
                next[n] = Scalar.Tanh(sum + parameters[k++]);
            }
            activations = next;
        }
        return activations[0];
    }

    /// <summary>The squared-error loss over the four samples.</summary>
    public static Scalar Loss(Scalar[] parameters)
    {
        Scalar loss = 0.0;
        for (var i = 0; i < Inputs.Length; i++)
        {
            var error = Predict(parameters, Inputs[i]) - Targets[i];
            loss += error * error;
        }
        return loss;
    }

    /// <summary>Trains from weights drawn uniformly from [−1, 1] by a seeded generator; returns the
    /// loss before each epoch's step (so element 0 is the initial loss) and the trained parameters.</summary>
    public static (IReadOnlyList<double> Losses, Scalar[] Parameters) Train(int epochs = 60, double learningRate = 0.05, int seed = 1)
    {
        var random = new Random(seed);
        var parameters = new Scalar[ParameterCount];
        for (var i = 0; i < parameters.Length; i++) parameters[i] = random.NextDouble() * 2 - 1;
        var lossAndGradient = ValueAndGrad(Loss);
        var losses = new List<double>(epochs);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var (loss, gradient) = lossAndGradient(parameters);
            losses.Add(loss.Value);
            for (var i = 0; i < parameters.Length; i++)
                parameters[i] = parameters[i].Value - learningRate * gradient[i].Value;
        }
        return (losses, parameters);
    }

    /// <summary>Prints the loss every ten epochs and the final predictions.</summary>
    public static void Run(TextWriter output)
    {
        var (losses, parameters) = Train();
        output.WriteLine($"{ParameterCount} parameters, {losses.Count} epochs of gradient descent (learning rate 0.05)");
        for (var epoch = 0; epoch < losses.Count; epoch += 10)
            output.WriteLine($"epoch {epoch,3}  loss {losses[epoch]:F6}");
        output.WriteLine($"final loss          = {Number(Loss(parameters))}");
        output.WriteLine($"predictions         = {Vector(Inputs.Select(x => Predict(parameters, x)))}   (targets {Vector(Targets)})");
    }
}
