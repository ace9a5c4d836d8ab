using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Functional.Cli;

/// <summary>Writes the result as one JSON object on one line with the keys <c>expr</c>, <c>vars</c>,
/// <c>value</c>, <c>gradient</c> {<c>forward</c>, <c>reverse</c>, <c>symbolic</c>, <c>numeric</c>},
/// <c>hessian</c> {<c>forward-over-reverse</c>, <c>symbolic</c>, <c>numeric</c>} or <c>null</c>
/// without <c>--hessian</c>, and <c>derivatives</c> {variable: simplified string}. Finite numbers are
/// JSON numbers (shortest round-trip form); NaN and infinities, which JSON numbers cannot hold, are
/// the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c> (what System.Text.Json reads with
/// <c>JsonNumberHandling.AllowNamedFloatingPointLiterals</c>).</summary>
internal static class JsonReport
{
    public static void Write(FourWayResult r, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("expr", r.Expression);
            json.WriteStartArray("vars");
            foreach (var v in r.Point.Names) json.WriteStringValue(v);
            json.WriteEndArray();
            json.WritePropertyName("value");
            Number(json, r.Value);

            json.WriteStartObject("gradient");
            foreach (var (method, values) in r.Gradient.Methods)
            {
                json.WritePropertyName(method);
                Vector(json, values);
            }
            json.WriteEndObject();

            if (r.Hessian is { } h)
            {
                json.WriteStartObject("hessian");
                foreach (var (method, values) in h.Methods)
                {
                    json.WriteStartArray(method);
                    for (var i = 0; i < values.GetLength(0); i++)
                        Vector(json, [.. Enumerable.Range(0, values.GetLength(1)).Select(j => values[i, j])]);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("hessian");
            }

            json.WriteStartObject("derivatives");
            for (var i = 0; i < r.Point.Names.Length; i++) json.WriteString(r.Point.Names[i], r.Derivatives[i]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Vector(Utf8JsonWriter json, double[] values)
    {
        json.WriteStartArray();
        foreach (var x in values) Number(json, x);
        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, double x)
    {
        if (double.IsFinite(x)) json.WriteNumberValue(x);
        else json.WriteStringValue(double.IsNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity");
    }
}
