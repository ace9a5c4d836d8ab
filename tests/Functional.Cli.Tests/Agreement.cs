using System.Text.Json;

namespace Functional.Cli.Tests;

/// <summary>Checks the tool's JSON against closed forms and the methods against each other.</summary>
public static class Agreement
{
    /// <summary>Exact methods (forward, reverse, symbolic, forward-over-reverse) agree to rounding.</summary>
    public const double Exact = 1e-9;

    /// <summary>Richardson gradients agree to ~1e-13 relative on the random expressions; allow 1e-8.</summary>
    public const double NumericGradient = 1e-8;

    /// <summary>Richardson Hessians (second differences) agree to ~1e-11; allow 1e-6.</summary>
    public const double NumericHessian = 1e-6;

    /// <summary>Asserts |expected − actual| ≤ relative·max(1, |expected|, |actual|); returns the relative difference.</summary>
    public static double Close(double expected, double actual, double relative, string what)
    {
        var scale = Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));
        var difference = Math.Abs(expected - actual) / scale;
        Assert.True(difference <= relative,
            $"{what}: expected {expected:R}, got {actual:R} (relative tolerance {relative})");
        return difference;
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

    /// <summary>All methods agree with reverse mode (the reference), gradient and Hessian; returns the
    /// largest relative differences seen: exact modes, numeric gradient, numeric Hessian.</summary>
    public static (double Exact, double NumericGradient, double NumericHessian) MethodsAgree(JsonElement json, string label)
    {
        double exact = 0, numericGradient = 0, numericHessian = 0;
        var reference = Json.Vector(json.GetProperty("gradient").GetProperty("reverse"));
        Assert.All(reference, g => Assert.True(double.IsFinite(g), $"{label}: gradient is not finite — the generator left the domain"));
        foreach (var method in json.GetProperty("gradient").EnumerateObject())
        {
            var g = Json.Vector(method.Value);
            var numeric = method.Name == "numeric";
            for (var i = 0; i < g.Length; i++)
            {
                var d = Close(reference[i], g[i], numeric ? NumericGradient : Exact, $"{label}: gradient {method.Name}[{i}]");
                if (numeric) numericGradient = Math.Max(numericGradient, d);
                else exact = Math.Max(exact, d);
            }
        }
        if (json.GetProperty("hessian").ValueKind == JsonValueKind.Null) return (exact, numericGradient, numericHessian);
        var h0 = Json.Matrix(json.GetProperty("hessian").GetProperty("forward-over-reverse"));
        foreach (var method in json.GetProperty("hessian").EnumerateObject())
        {
            var h = Json.Matrix(method.Value);
            var numeric = method.Name == "numeric";
            for (var i = 0; i < reference.Length; i++)
                for (var j = 0; j < reference.Length; j++)
                {
                    var d = Close(h0[i, j], h[i, j], numeric ? NumericHessian : Exact, $"{label}: Hessian {method.Name}[{i},{j}]");
                    if (numeric) numericHessian = Math.Max(numericHessian, d);
                    else exact = Math.Max(exact, d);
                }
        }
        return (exact, numericGradient, numericHessian);
    }
}
