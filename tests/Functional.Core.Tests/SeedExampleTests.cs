namespace Functional.Core.Tests;

/// <summary>The worked examples of the course notes (the seeds), with their numbers.</summary>
public class SeedExampleTests
{
    private static Scalar SeedFunction(Scalar[] x) => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);

    [Fact]
    public void Seed000_value_and_gradient_by_reverse_mode()
    {
        var (value, gradient) = ValueAndGrad(SeedFunction)([1.0, 2.0]);
        Assert.Equal(8.47975867210497, value.Value, 1e-13);
        Assert.Equal(16.7781121978613, gradient[0].Value, 1e-12);
        Assert.Equal(8.805202935477793, gradient[1].Value, 1e-12);
        // closed forms: (x2 + x2 e^{x1 x2}, x1 + x1 e^{x1 x2} − cos x2)
        Assert.Equal(2 + 2 * Math.Exp(2), gradient[0].Value, 1e-12);
        Assert.Equal(1 + Math.Exp(2) - Math.Cos(2), gradient[1].Value, 1e-12);
    }

    [Fact]
    public void Seed000_gradient_by_forward_mode_matches()
    {
        var jacobian = JacFwd(x => [SeedFunction(x)])([1.0, 2.0]);
        Assert.Equal(16.7781121978613, jacobian[0, 0].Value, 1e-12);
        Assert.Equal(8.805202935477793, jacobian[0, 1].Value, 1e-12);
    }

    [Fact]
    public void Seed000_topological_order_a_node_reached_by_two_paths_gets_both_adjoints()
    {
        // d = ln(1/(2x)) + 2x: the node a = 2x feeds both terms; the correct derivative at x = 1 is
        // −1/x + 2 = 1 (the seed's non-topological backward gives 2).
        var grad = Grad((Scalar x) =>
        {
            var a = x * 2;
            var b = 1 / a;
            var c = Scalar.Log(b);
            return c + a;
        });
        Assert.Equal(1.0, grad(1.0).Value, 1e-15);
        Assert.Equal(-1.0 / 3 + 2, grad(3.0).Value, 1e-15);
    }

    [Fact]
    public void Tutorial_tanh_neuron()
    {
        // micrograd's neuron: o = tanh(x1 w1 + x2 w2 + b)
        Scalar Neuron(Scalar[] p) => Scalar.Tanh(p[0] * p[2] + p[1] * p[3] + p[4]);
        double[] at = [2.0, 0.0, -3.0, 1.0, 6.8813735870195432];
        var (o, g) = ValueAndGrad(Neuron)([.. at.Select(v => (Scalar)v)]);
        Assert.Equal(0.7071067811865476, o.Value, 1e-12);
        var dn = 1 - o.Value * o.Value; // 0.5
        Assert.Equal(0.5, dn, 1e-12);
        Assert.Equal(at[2] * dn, g[0].Value, 1e-12); // dx1 = w1 · 0.5 = −1.5
        Assert.Equal(at[3] * dn, g[1].Value, 1e-12); // dx2 = w2 · 0.5 = 0.5
        Assert.Equal(at[0] * dn, g[2].Value, 1e-12); // dw1 = x1 · 0.5 = 1
        Assert.Equal(at[1] * dn, g[3].Value, 1e-12); // dw2 = 0
        Assert.Equal(dn, g[4].Value, 1e-12);
        Assert.Equal(0.7615941559557649, Scalar.Tanh(1.0).Value, 1e-15);
    }

    [Fact]
    public void Perturbation_confusion_all_four_pairings()
    {
        // d/dx [ x · (d/dy (x + y))(1) ] at x = 1 is 1; a confused implementation gives 2.
        Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>[] modes = [Derivative, Grad];
        foreach (var outer in modes)
            foreach (var inner in modes)
            {
                var result = outer(x => x * inner(y => x + y)(1.0))(1.0);
                Assert.Equal(1.0, result.Value);
            }
    }
}
