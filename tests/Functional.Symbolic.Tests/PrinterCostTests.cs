using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

public class PrinterCostTests
{
    /// <summary>A DAG of 40 nodes whose tree has about 10⁶ nodes: printing it writes every use of every
    /// shared node, and must cost memory proportional to the text (a printer that concatenates
    /// strings per node would allocate quadratically).</summary>
    [Fact]
    public void ToString_and_ToLatex_allocate_in_proportion_to_their_output()
    {
        var x = Expr.Var("x");
        var e = x;
        for (var i = 0; i < 17; i++) e = (e + 1) * (e + x);
        Assert.True(e.NodeCount < 100);
        _ = e.ToString();
        _ = e.ToLatex();
        foreach (var print in new Func<Expr, string>[] { v => v.ToString(), v => v.ToLatex() })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var text = print(e);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(text.Length > 1_000_000);
            Assert.True(allocated < 64L * text.Length, $"{allocated} bytes allocated for {text.Length} characters");
        }
        Assert.Same(e, Expr.Parse(e.ToString()));
    }
}
