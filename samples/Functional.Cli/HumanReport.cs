using static Functional.Cli.NumberFormat;

namespace Functional.Cli;

/// <summary>Writes the human-readable comparison.</summary>
internal static class HumanReport
{
    public static void Write(FourWayResult r, TextWriter output)
    {
        var names = r.Point.Names;
        output.WriteLine($"f = {Printable.Escape(r.Expression)}");
        output.WriteLine(names.Length == 0 ? "at (no variables)" : $"at {string.Join(", ", names.Select((v, i) => $"{v} = {Full(r.Point.Values[i])}"))}");
        output.WriteLine($"value: {Full(r.Value)}");
        output.WriteLine();
        if (names.Length == 0)
        {
            output.WriteLine("no variables: nothing to differentiate");
            return;
        }

        output.WriteLine("gradient");
        List<string[]> rows = [["", .. names.Select(v => $"d/d{v}")]];
        rows.AddRange(r.Gradient.Methods.Select(m => (string[])[m.Method, .. m.Values.Select(Full)]));
        rows.Add(["  ± error", .. r.Gradient.Numeric.Select(e => Short(e.Error))]);
        WriteTable(rows, output);
        WriteDisagreement(Disagreement.Largest([.. r.Gradient.Methods]), c => $"d/d{names[c]}", output);
        output.WriteLine();

        output.WriteLine("partial derivatives (symbolic, simplified)");
        for (var i = 0; i < names.Length; i++)
            output.WriteLine($"  d/d{names[i]} = {r.Derivatives[i]}");

        if (r.Hessian is { } h)
        {
            var n = names.Length;
            foreach (var (method, values) in h.Methods)
            {
                output.WriteLine();
                output.WriteLine($"Hessian, {method}{(method == "numeric" ? " (Richardson)" : "")}");
                List<string[]> table = [["", .. names]];
                for (var i = 0; i < n; i++)
                    table.Add([names[i], .. Enumerable.Range(0, n).Select(j => Full(values[i, j]))]);
                WriteTable(table, output);
            }
            var largestError = h.Numeric.Cast<Functional.Numeric.NumericEstimate>().Max(e => e.Error);
            output.WriteLine($"  numeric ± error up to {Short(largestError)}");
            WriteDisagreement(Disagreement.Largest(Disagreement.Flatten(h.Methods)), c => $"d2/d{names[c / n]}d{names[c % n]}", output);
        }
    }

    private static void WriteDisagreement(Disagreement? d, Func<int, string> component, TextWriter output)
    {
        if (d is null) return;
        output.WriteLine(d.Absolute == 0
            ? "largest disagreement: 0 (all methods agree exactly)"
            : double.IsFinite(d.Absolute)
                ? $"largest disagreement: {Short(d.Absolute)} (relative {Short(d.Relative)}), {d.MethodA} vs {d.MethodB} at {component(d.Component)}"
                : $"largest disagreement: {Full(d.Absolute)}, {d.MethodA} gives {Full(d.A)} where {d.MethodB} gives {Full(d.B)} at {component(d.Component)}");
    }

    private static void WriteTable(List<string[]> rows, TextWriter output)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]));
            output.WriteLine(("  " + string.Join("   ", cells)).TrimEnd());
        }
    }
}
