using System.Text.Json;

namespace Functional.Cli.Tests;

/// <summary>Checks the tool's JSON against closed forms and the methods against each other.</summary>
public static class Agreement
{
    /// <summary>Exact methods (forward, reverse, symbolic, forward-over-reverse) agree to rounding.</summary>
    public const double Exact = 1e-9;

    /// <summary>Richardson gradients agree to ~1e-10 relative; allow 1e-6.</summary>
    public const double NumericGradient = 1e-6;

    /// <summary>Richardson Hessians (second differences) agree less tightly.</summary>
    public const double NumericHessian = 1e-4;

    public static void Close(double expected, double actual, double relative, string what)
    {
        var scale = Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        Assert.True(Math.Abs(expected - actual) <= relative * scale,
            $"{what}: expected {expected:R}, got {actual:R} (relative tolerance {relative})");
    }

    /// <summary>Every gradient method equals <paramref name="gradient"/> and every Hessian method
    /// <paramref name="hessian"/> (when given), each within its tolerance.</summary>
    public static void MatchesClosedForm(JsonElement json, double value, double[] gradient, double[,]? hessian, string label)
    {
        Close(value, Json.Number(json.GetProperty("value")), Exact, $"{label}: value");
        foreach (var method in json.GetProperty("gradient").EnumerateObject())
        {
            var g = Json.Vector(method.Value);
            Assert.Equal(gradient.Length, g.Length);
            for (var i = 0; i < g.Length; i++)
                Close(gradient[i], g[i], method.Name == "numeric" ? NumericGradient : Exact, $"{label}: gradient {method.Name}[{i}]");
        }
        if (hessian is null) return;
        foreach (var method in json.GetProperty("hessian").EnumerateObject())
        {
            var h = Json.Matrix(method.Value);
            for (var i = 0; i < gradient.Length; i++)
                for (var j = 0; j < gradient.Length; j++)
                    Close(hessian[i, j], h[i, j], method.Name == "numeric" ? NumericHessian : Exact, $"{label}: Hessian {method.Name}[{i},{j}]");
        }
    }

    /// <summary>All methods agree with reverse mode (the reference), gradient and Hessian.</summary>
    public static void MethodsAgree(JsonElement json, string label)
    {
        var reference = Json.Vector(json.GetProperty("gradient").GetProperty("reverse"));
        Assert.All(reference, g => Assert.True(double.IsFinite(g), $"{label}: gradient is not finite — the generator left the domain"));
        foreach (var method in json.GetProperty("gradient").EnumerateObject())
        {
            var g = Json.Vector(method.Value);
            for (var i = 0; i < g.Length; i++)
                Close(reference[i], g[i], method.Name == "numeric" ? NumericGradient : Exact, $"{label}: gradient {method.Name}[{i}]");
        }
        if (json.GetProperty("hessian").ValueKind == JsonValueKind.Null) return;
        var h0 = Json.Matrix(json.GetProperty("hessian").GetProperty("forward-over-reverse"));
        foreach (var method in json.GetProperty("hessian").EnumerateObject())
        {
            var h = Json.Matrix(method.Value);
            for (var i = 0; i < reference.Length; i++)
                for (var j = 0; j < reference.Length; j++)
                    Close(h0[i, j], h[i, j], method.Name == "numeric" ? NumericHessian : Exact, $"{label}: Hessian {method.Name}[{i},{j}]");
        }
    }
}
