using Functional.Seeds;

namespace Functional.Cli.Tests;

/// <summary>The seed samples print the seeds' numbers.</summary>
public class SeedSampleTests
{
    private static string Run(string name)
    {
        using var output = new StringWriter();
        Example.All.Single(e => e.Name == name).Run(output);
        return output.ToString();
    }

    [Fact]
    public void Seed_000_gradient()
    {
        var text = Run("seed-gradient");
        Assert.Contains("f(1,2)              = 8.47975867210497", text);
        Assert.Contains("gradient, reverse   = [16.7781121978613, 8.805202935477793]", text);
        Assert.Contains("gradient, forward   = [16.7781121978613, 8.805202935477793]", text);
    }

    [Fact]
    public void Seed_000_topological_order_gives_1_not_2()
    {
        var text = Run("topological-order");
        Assert.Contains("d(1)                = 1.3068528194400546", text);
        Assert.Contains("d'(1), reverse      = 1 ", text);
        Assert.Contains("d'(1), forward      = 1", text);
    }

    [Fact]
    public void Seed_001_expression()
    {
        var text = Run("micrograd-expression");
        Assert.Contains("L(1,2)              = -6", text);
        Assert.Contains("dL/da, dL/db        = [4, -11]", text);
        Assert.Contains("= -6.1568", text);
        Assert.Contains("= -7.28393", text);
    }

    [Fact]
    public void Seed_001_tanh_neuron()
    {
        var text = Run("tanh-neuron");
        Assert.Contains("o                   = 0.7071", text);
        Assert.Contains("do/dx1              = -1.5000", text);
        Assert.Contains("do/dw1              = 1.0000", text);
        Assert.Contains("do/dx2              = 0.5000", text);
        Assert.Contains("do/dw2              = 0.0000", text);
        var (o, g) = AD.ValueAndGrad(TanhNeuron.Neuron)([.. TanhNeuron.Inputs.Select(v => (Scalar)v)]);
        Assert.Equal(Math.Sqrt(0.5), o.Value, 12);
        Assert.Equal([-1.5, 1, 0.5, 0, 0.5], g.ToDoubles().Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Seed_001_mlp_loss_goes_down()
    {
        var (losses, parameters) = Mlp.Train();
        Assert.Equal(41, parameters.Length);
        Assert.True(losses[^1] < losses[0] / 50, $"loss {losses[0]} → {losses[^1]}");
        for (var i = 10; i < losses.Count; i += 10) Assert.True(losses[i] < losses[i - 10], $"loss rose between epochs {i - 10} and {i}");
        for (var i = 0; i < Mlp.Inputs.Length; i++)
            Assert.Equal(Math.Sign(Mlp.Targets[i]), Math.Sign(Mlp.Predict(parameters, Mlp.Inputs[i]).Value));
        var text = Run("mlp");
        Assert.Contains("epoch   0  loss", text);
        Assert.Contains("epoch  50  loss", text);
    }

    [Fact]
    public void Minimisation_reaches_the_minima()
    {
        var quadratic = Minimise.GradientDescent(Minimise.Quadratic, [0, 0], 0.04, 100);
        Assert.Equal(3, quadratic[0], 2);
        Assert.Equal(-1, quadratic[1], 6);
        var newton = Minimise.Newton(Minimise.Rosenbrock, [-1.2, 1], 10);
        Assert.Equal(1, newton[0], 9);
        Assert.Equal(1, newton[1], 9);
        Assert.Contains("-> [1, 1]", Run("minimise"));
    }

    [Fact]
    public void Forward_and_reverse_agree_with_seed_004()
    {
        var text = Run("forward-vs-reverse");
        Assert.Contains("f(1,2)              = 2.524413", text);
        Assert.Contains("df/dx1 = 2.462378", text);
        Assert.Contains("df/dx2 = 0.841471", text);
        Assert.Contains("grad   = [2.462378, 0.841471]", text);
    }

    [Fact]
    public void Hessian_vector_products_match_the_exact_product()
    {
        var text = Run("hessian-vector");
        Assert.Contains("Hvp(f)(x, v)        = [7, 15, -14]", text);
        Assert.Contains("A^T A v (exact)     = [7, 15, -14]", text);
    }

    [Fact]
    public void Every_example_runs()
    {
        foreach (var example in Example.All)
        {
            using var output = new StringWriter();
            example.Run(output);
            Assert.False(string.IsNullOrWhiteSpace(output.ToString()), example.Name);
        }
    }
}
