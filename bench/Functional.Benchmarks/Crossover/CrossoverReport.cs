using System.Globalization;
using ScottPlot;

namespace Functional.Benchmarks.Crossover;

/// <summary>
/// Turns the CSV of <see cref="JacobianCrossover"/> into a Markdown table (with the mode
/// <c>JacobianCostModel</c> picks), a PNG plot of the reverse/forward time ratio against the model's
/// prediction, and a refit of the model's two constants:
/// <c>dotnet run -c Release --project bench/Functional.Benchmarks -- crossover-report &lt;report.csv&gt; &lt;out-dir&gt;</c>.
/// </summary>
public static class CrossoverReport
{
    private sealed record Row(string Method, int N, int M, double Nanoseconds);

    public static void Run(string csvPath, string outputDirectory)
    {
        var rows = Read(csvPath);
        Directory.CreateDirectory(outputDirectory);
        var sizes = rows.Select(r => r.N).Distinct().Order().ToArray();
        var fit = Fit(rows);
        var table = Table(rows, sizes, fit);
        File.WriteAllText(Path.Combine(outputDirectory, "crossover.md"), table);
        Console.WriteLine(table);
        Plot(rows, sizes, fit, Path.Combine(outputDirectory, "crossover.png"));
        Console.WriteLine(FormattableString.Invariant(
            $"cost model: forward pass {fit.Forward:G4} ns/op; reverse {fit.Recording:G4} ns/op recording + {fit.Sweep:G4} ns/op per sweep; relative to a forward pass: Recording = {fit.Recording / fit.Forward:G3}, Sweep = {fit.Sweep / fit.Forward:G3}"));
    }

    /// <summary>Operations of one evaluation of the workload: n tanh, 2nm multiply-adds, m sin.</summary>
    private static double Operations(int n, int m) => n + 2.0 * n * m + m;

    private sealed record CostFit(double Forward, double Recording, double Sweep)
    {
        public double ForwardTime(int n, int m) => n * Forward * Operations(n, m);
        public double ReverseTime(int n, int m) => (Recording + m * Sweep) * Operations(n, m);
    }

    /// <summary>A refit of the cost model to this run (printed for recalibrating
    /// <c>JacobianCostModel</c>). Least squares, in relative terms: t_fwd/(n·P) = F and t_rev/P = R + m·S.</summary>
    private static CostFit Fit(IReadOnlyList<Row> rows)
    {
        var forward = rows.Where(r => r.Method == "Forward").Select(r => r.Nanoseconds / (r.N * Operations(r.N, r.M))).Order().ToArray();
        var reverse = rows.Where(r => r.Method == "Reverse").ToArray();
        // Weighted so that every point counts relatively: minimise Σ ((R + m S)·P/t − 1)².
        double saa = 0, sab = 0, sbb = 0, sa = 0, sb = 0;
        foreach (var r in reverse)
        {
            var scale = Operations(r.N, r.M) / r.Nanoseconds;
            double a = scale, b = r.M * scale;
            saa += a * a; sab += a * b; sbb += b * b; sa += a; sb += b;
        }
        var det = saa * sbb - sab * sab;
        var recording = (sa * sbb - sb * sab) / det;
        var sweep = (saa * sb - sab * sa) / det;
        return new CostFit(forward[forward.Length / 2], recording, sweep);
    }

    private static string Table(IReadOnlyList<Row> rows, int[] sizes, CostFit fit)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine("| n → m | plain double | JacFwd | JacRev | Jacobian | faster | Jacobian picks |");
        text.AppendLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var n in sizes)
            foreach (var m in sizes)
            {
                double? Time(string method) => rows.SingleOrDefault(r => r.Method == method && r.N == n && r.M == m)?.Nanoseconds;
                var plain = Time("PlainDouble")!.Value;
                var forward = Time("Forward")!.Value;
                var reverse = Time("Reverse")!.Value;
                var automatic = Time("Automatic");
                string Cell(double t) => FormattableString.Invariant($"{Format(t)} ({t / plain:F0}×)");
                var faster = forward <= reverse ? "fwd" : "rev";
                var predicted = JacobianCostModel.PrefersForward(n, m) ? "fwd" : "rev";
                text.AppendLine($"| {n} → {m} | {Format(plain)} | {Cell(forward)} | {Cell(reverse)} | {(automatic is { } a ? Cell(a) : "–")} | {faster} | {predicted} |");
            }
        return text.ToString();
    }

    private static string Format(double ns) => ns switch
    {
        < 1e3 => FormattableString.Invariant($"{ns:F0} ns"),
        < 1e6 => FormattableString.Invariant($"{ns / 1e3:G3} µs"),
        _ => FormattableString.Invariant($"{ns / 1e6:G3} ms"),
    };

    private static void Plot(IReadOnlyList<Row> rows, int[] sizes, CostFit fit, string path)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var xs = sizes.Select(m => Math.Log2(m)).ToArray();
        for (var k = 0; k < sizes.Length; k++)
        {
            var n = sizes[k];
            double Ratio(int m) => rows.Single(r => r.Method == "Reverse" && r.N == n && r.M == m).Nanoseconds /
                                   rows.Single(r => r.Method == "Forward" && r.N == n && r.M == m).Nanoseconds;
            var measured = plot.Add.Scatter(xs, sizes.Select(m => Math.Log10(Ratio(m))).ToArray());
            measured.LegendText = $"n = {n} (measured)";
            measured.Color = palette.GetColor(k);
            measured.LineWidth = 2;
            measured.MarkerSize = 8;
            // The shipped model's prediction: (Recording + m·Sweep) / n, in forward passes.
            var model = plot.Add.Scatter(xs, sizes.Select(m => Math.Log10((JacobianCostModel.Recording + m * JacobianCostModel.Sweep) / n)).ToArray());
            model.LegendText = $"n = {n} (cost model)";
            model.Color = palette.GetColor(k);
            model.LinePattern = LinePattern.Dashed;
            model.MarkerSize = 0;
        }
        var even = plot.Add.HorizontalLine(0);
        even.Color = Colors.Black;
        even.LineWidth = 1;
        plot.Axes.Bottom.SetTicks(xs, sizes.Select(m => m.ToString(CultureInfo.InvariantCulture)).ToArray());
        double[] ratioTicks = [-2, -1, 0, 1, 2];
        plot.Axes.Left.SetTicks(ratioTicks, ["0.01", "0.1", "1", "10", "100"]);
        plot.Axes.Bottom.Label.Text = "outputs m";
        plot.Axes.Left.Label.Text = "time(JacRev) / time(JacFwd)   (above 1: forward is faster)";
        plot.Title("Jacobian of f: Rⁿ → Rᵐ, reverse over forward time");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 900, 600);
    }

    private static List<Row> Read(string csvPath)
    {
        var lines = File.ReadAllLines(csvPath);
        var header = SplitCsv(lines[0]);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"{csvPath} has no column '{name}'");
        int method = Column("Method"), n = Column("N"), m = Column("M"), mean = Column("Mean");
        return lines.Skip(1).Where(l => l.Length > 0).Select(SplitCsv)
            .Select(cells => new Row(cells[method], int.Parse(cells[n], CultureInfo.InvariantCulture), int.Parse(cells[m], CultureInfo.InvariantCulture), Nanoseconds(cells[mean])))
            .ToList();
    }

    private static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        cells.Add(current.ToString());
        return [.. cells];
    }

    private static double Nanoseconds(string cell)
    {
        var parts = cell.Trim().Split(' ', 2);
        var value = double.Parse(parts[0].Replace(",", ""), CultureInfo.InvariantCulture);
        return parts.Length < 2 ? value : parts[1] switch
        {
            "ns" => value,
            "us" or "μs" or "µs" => value * 1e3,
            "ms" => value * 1e6,
            "s" => value * 1e9,
            _ => throw new InvalidDataException($"unknown time unit in '{cell}'"),
        };
    }
}
