using System.Numerics;
using Functional.Symbolic;
using Xunit.Abstractions;

namespace Functional.Symbolic.Tests;

/// <summary>Expression swell (seed 003): the logistic map's derivative as a tree doubles with every
/// step, as a hash-consed DAG it grows linearly.</summary>
public class SwellTests(ITestOutputHelper output)
{
    [Fact]
    public void Derivative_dag_grows_linearly_while_the_tree_grows_exponentially()
    {
        var r = Expr.Var("r");
        var table = new List<string> { "| n | tree size of l_n | DAG nodes of l_n | tree size of d/dx l_n | DAG nodes of d/dx l_n | DAG nodes simplified |", "|---:|---:|---:|---:|---:|---:|" };
        BigInteger previousTree = 0;
        for (var n = 1; n <= 20; n++)
        {
            var l = Workloads.Logistic(n, r);
            var d = l.Diff("x");
            var simplified = d.Simplify();
            Assert.True(l.NodeCount <= 5 * n, $"l_{n} has {l.NodeCount} nodes");
            Assert.True(d.NodeCount <= 12 * n, $"d/dx l_{n} has {d.NodeCount} nodes");
            if (n >= 4)
            {
                Assert.True(d.TreeSize >= 2 * previousTree - 20, $"tree of d/dx l_{n}: {d.TreeSize} after {previousTree}");
            }
            previousTree = d.TreeSize;
            table.Add($"| {n} | {l.TreeSize} | {l.NodeCount} | {d.TreeSize} | {d.NodeCount} | {simplified.NodeCount} |");
        }
        Assert.True(previousTree > 1_000_000);
        output.WriteLine(string.Join("\n", table));
    }

    [Fact]
    public void Symbolic_derivative_of_the_logistic_map_matches_the_recurrence()
    {
        var d = Workloads.Logistic(20, Expr.Const(3.7)).Diff("x");
        var s = d.Simplify();
        double l = 0.3, dl = 1;
        for (var k = 1; k < 20; k++) { dl = 3.7 * (1 - 2 * l) * dl; l = 3.7 * l * (1 - l); }
        var at = new Dictionary<string, double> { ["x"] = 0.3 };
        Assert.Equal(dl, d.Evaluate(at), Math.Abs(dl) * 1e-9);
        Assert.Equal(dl, s.Evaluate(at), Math.Abs(dl) * 1e-9);
        Assert.Equal(dl, d.Compile("x")([0.3]), Math.Abs(dl) * 1e-9);
    }
}
