using System.Diagnostics;
using System.Globalization;
using System.Text;
using Functional.Symbolic;

namespace Functional.Benchmarks;

/// <summary>
/// Writes the cases of the SymPy comparison (bench/sympy/compare.py): the 200 seeded smooth
/// expressions of <see cref="SimplifyQualityBenchmarks"/>, and for each variable that occurs in one,
/// our <c>Diff(v).Simplify()</c>, its operation count and its time (first call, and the median of
/// repeated calls after warm-up). Expressions are printed in our syntax; compare.py translates.
/// </summary>
internal static class SympyExport
{
    private const int Repetitions = 21;
    private const int WarmUpRounds = 5;

    internal static void Run(string outputPath)
    {
        var rng = new Random(16);
        var expressions = Enumerable.Range(0, 200)
            .Select(i => SimplifyQualityBenchmarks.Smooth(rng, 4, i % 3 == 0 ? ["x"] : i % 3 == 1 ? ["x", "y"] : ["x", "y", "z"]))
            .ToArray();

        // JIT and intern-table warm-up on unrelated expressions, so the first timed call is not the first
        // call. The runtime compiles hot methods fully (tier 1) only after a pause in new compilations,
        // so the rounds are separated by pauses; without them most timed calls would run tier-0 code.
        var warm = new Random(1);
        for (var round = 0; round < WarmUpRounds; round++)
        {
            for (var i = 0; i < 100; i++)
                foreach (var v in new[] { "x", "y", "z" }) SimplifyQualityBenchmarks.Smooth(warm, 4, ["x", "y", "z"]).Diff(v).Simplify();
            Thread.Sleep(250);
        }

        var csv = new StringBuilder("id,variable,expression,ours,our_ops,our_first_us,our_median_us\n");
        var cases = 0;
        for (var id = 0; id < expressions.Length; id++)
        {
            var e = expressions[id];
            foreach (var v in e.Variables.Order(StringComparer.Ordinal))
            {
                var first = Stopwatch.StartNew();
                var d = e.Diff(v).Simplify();
                var firstUs = first.Elapsed.TotalMicroseconds;
                var times = new double[Repetitions];
                for (var k = 0; k < 3; k++) e.Diff(v).Simplify();
                for (var k = 0; k < Repetitions; k++)
                {
                    var sw = Stopwatch.StartNew();
                    e.Diff(v).Simplify();
                    times[k] = sw.Elapsed.TotalMicroseconds;
                }
                Array.Sort(times);
                csv.Append(CultureInfo.InvariantCulture,
                    $"{id},{v},\"{e}\",\"{d}\",{d.OperationCount},{firstUs:F1},{times[Repetitions / 2]:F1}\n");
                cases++;
            }
        }
        File.WriteAllText(outputPath, csv.ToString());
        Console.WriteLine($"{cases} cases from {expressions.Length} expressions written to {outputPath}");
    }
}
