using System.Text.Json;

namespace Functional.Cli.Tests;

/// <summary>Reads the tool's JSON numbers, where NaN and infinities are the strings "NaN", "Infinity", "-Infinity".</summary>
public static class Json
{
    public static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => throw new FormatException($"not a number: {s}"),
        },
        _ => throw new FormatException($"not a number: {e}"),
    };

    public static double[] Vector(JsonElement e) => [.. e.EnumerateArray().Select(Number)];

    public static double[,] Matrix(JsonElement e)
    {
        var rows = e.EnumerateArray().Select(Vector).ToArray();
        var m = new double[rows.Length, rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows.Length, rows[i].Length);
            for (var j = 0; j < rows.Length; j++) m[i, j] = rows[i][j];
        }
        return m;
    }

    public static string[] Keys(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];
}
