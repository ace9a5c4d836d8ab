using System.Diagnostics;
using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Seed 001's <c>draw_dot</c>: the tanh neuron traced once, its program printed as an
/// expression and written as a Graphviz graph (each node with its value and gradient) to
/// <c>trace.dot</c> in the current directory, and to <c>trace.png</c> when Graphviz's <c>dot</c> is installed.</summary>
public static class TraceGraph
{
    /// <summary>Traces the neuron, prints its gradient from the replay and writes the graph.</summary>
    public static void Run(TextWriter output)
    {
        var traced = Trace(TanhNeuron.Neuron, TanhNeuron.Inputs);
        var gradient = new double[traced.Inputs];
        var o = traced.ValueAndGrad(TanhNeuron.Inputs, gradient);
        output.WriteLine($"traced program      = {traced.Operations} operations: {traced.ToExpr(TanhNeuron.Names)}");
        output.WriteLine($"o, replayed         = {Number(o)}");
        output.WriteLine($"gradient, replayed  = {Vector(gradient)}   (x1, w1, x2, w2, b)");

        var dot = Path.GetFullPath("trace.dot");
        File.WriteAllText(dot, traced.ToDot());
        output.WriteLine($"graph               = {dot}");
        if (TryRenderPng(dot, Path.ChangeExtension(dot, ".png")) is { } png) output.WriteLine($"picture             = {png}");
        else output.WriteLine("picture             = (install Graphviz for a PNG: dot -Tpng trace.dot -o trace.png)");
    }

    /// <summary>Runs <c>dot -Tpng</c>; null when Graphviz is not installed or fails.</summary>
    private static string? TryRenderPng(string dot, string png)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dot", ["-Tpng", dot, "-o", png])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null) return null;
            process.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0 ? png : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no dot on the PATH
        }
    }
}
