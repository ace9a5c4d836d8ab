using System.Text.Json;

namespace Functional.Cli;

/// <summary>Prints a <see cref="MinimizeResult"/> for people or as one JSON object.</summary>
internal static class MinimizeReport
{
    public static void WriteHuman(MinimizeResult result, TextWriter output)
    {
        output.WriteLine($"minimum of {result.Expression} by {result.Method} ({result.Iterations} {(result.Method == "adam" ? "steps" : "iterations")}, {result.History.Count} loss values)");
        var width = result.Names.Max(n => n.Length);
        for (var i = 0; i < result.Names.Length; i++)
            output.WriteLine($"  {result.Names[i].PadRight(width)} = {NumberFormat.Full(result.Point[i])}");
        output.WriteLine($"value: {NumberFormat.Full(result.Value)}");
    }

    public static void WriteJson(MinimizeResult result, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("expr", result.Expression);
            json.WriteString("method", result.Method);
            json.WriteStartArray("vars");
            foreach (var name in result.Names) json.WriteStringValue(name);
            json.WriteEndArray();
            json.WriteStartArray("point");
            foreach (var v in result.Point) json.WriteNumberValue(v);
            json.WriteEndArray();
            json.WriteNumber("value", result.Value);
            json.WriteNumber("iterations", result.Iterations);
            json.WriteStartArray("history");
            foreach (var v in result.History)
                if (double.IsFinite(v)) json.WriteNumberValue(v); else json.WriteNullValue();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
