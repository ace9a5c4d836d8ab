using Functional.Symbolic;

namespace Functional.Symbolic.Tests;

/// <summary>Runs alone: GC.GetTotalMemory counts every thread's allocations.</summary>
[CollectionDefinition(nameof(MemoryTests), DisableParallelization = true)]
public class MemoryTestsCollection;

[Collection(nameof(MemoryTests))]
public class MemoryTests
{
    private static long Collected()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    [Fact]
    public void Building_and_dropping_expressions_keeps_memory_bounded()
    {
        var x = Expr.Var("x");
        var y = Expr.Var("y");
        // Warm up: JIT, static tables.
        for (var round = 0; round < 15; round++) Round(x, y, round);
        Collected();
        InternTable.Sweep();                                // entries of collected nodes go
        var before = Collected();
        long made = 0;
        var largestTable = 0;
        for (var round = 15; round < 60; round++)
        {
            made += Round(x, y, round);
            largestTable = Math.Max(largestTable, InternTable.Count);
        }
        // Dead entries are swept as the program runs: the table never holds most of what was made.
        Assert.True(made > 1_000_000, $"only {made} nodes made");
        Assert.True(largestTable < made / 2, $"the intern table reached {largestTable} entries after {made} nodes were made");
        Collected();
        InternTable.Sweep();
        var after = Collected();
        // Kept alive, each node made would cost over 100 bytes (object and table entry); dropped, they
        // are collected and memory returns to where it was.
        Assert.True(after - before < made * 8, $"memory grew from {before} to {after} bytes after making {made} nodes; table {InternTable.Count}, live {InternTable.LiveCount}");
        Assert.True(InternTable.Count < 50_000, $"{InternTable.Count} interned nodes are still in the table");
    }

    /// <summary>Distinct nodes each round (the constants differ), differentiated and simplified, then dropped.</summary>
    private static int Round(Expr x, Expr y, int round)
    {
        var e = x;
        for (var i = 0; i < 3000; i++) e = Expr.Sin(e * y + Expr.Const(round * 1e6 + i));
        var d = e.Diff("x");
        var s = Expr.Parse("(x + 1)^2 - x^2 + " + round).Simplify();
        Assert.Equal(Expr.Parse("2*x + " + (round + 1)), s);
        return e.NodeCount + d.NodeCount;
    }

    [Fact]
    public void Hash_consing_still_shares_live_nodes()
    {
        var a = Expr.Parse("sin(x)*cos(x) + 123456.5");
        GC.Collect();
        Assert.Same(a, Expr.Parse("sin(x)*cos(x) + 123456.5"));
        Assert.Same(a.Left, Expr.Sin(Expr.Var("x")) * Expr.Cos(Expr.Var("x")));
    }
}
