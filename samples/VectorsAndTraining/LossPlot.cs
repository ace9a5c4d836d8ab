namespace Functional.Samples.Vectors;

/// <summary>Writes a loss curve as a PNG with ScottPlot.</summary>
public static class LossPlot
{
    /// <summary>The loss against the step (logarithmic loss axis when every value is positive).</summary>
    public static void Write(IReadOnlyList<double> history, string path, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (history.Count == 0) throw new ArgumentException("the loss history is empty", nameof(history));
        var logarithmic = history.All(v => v > 0);
        var steps = Enumerable.Range(0, history.Count).Select(i => (double)i).ToArray();
        var values = history.Select(v => logarithmic ? Math.Log10(v) : v).ToArray();
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(steps, values);
        plot.Title("Training loss");
        plot.XLabel("step");
        plot.YLabel(logarithmic ? "log10(loss)" : "loss");
        plot.SavePng(path, width, height);
    }
}
