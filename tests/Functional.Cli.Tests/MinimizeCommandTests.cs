using System.Buffers.Binary;

namespace Functional.Cli.Tests;

public class MinimizeCommandTests
{
    private const string Rosenbrock = "(1-x)^2 + 100*(y-x^2)^2";

    [Theory]
    [InlineData("bfgs", 1e-6)]
    [InlineData("newton", 1e-6)]
    public void Second_order_methods_reach_the_Rosenbrock_minimum(string method, double tolerance)
    {
        var run = CliRunner.InProcess("minimize", Rosenbrock, "--from", "x=-1.2,y=1", "--method", method, "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        Assert.Equal(method, json.GetProperty("method").GetString());
        Assert.Equal("x,y", string.Join(",", json.GetProperty("vars").EnumerateArray().Select(v => v.GetString())));
        var point = json.GetProperty("point").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(1.0, point[0], tolerance);
        Assert.Equal(1.0, point[1], tolerance);
        Assert.True(json.GetProperty("value").GetDouble() < 1e-10);
        var history = json.GetProperty("history").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(24.2, history[0], 1e-12);
        Assert.True(history.Length > 5);
    }

    [Fact]
    public void Adam_reaches_the_Rosenbrock_minimum_and_reports_every_step()
    {
        var run = CliRunner.InProcess("minimize", Rosenbrock, "--from", "y=1,x=-1.2", "--method", "adam", "--steps", "3000", "--learning-rate", "0.02", "--json");
        Assert.Equal(0, run.ExitCode);
        var json = run.Json;
        var point = json.GetProperty("point").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(1.0, point[0], 1e-2); // y, in the order of --from
        Assert.Equal(1.0, point[1], 1e-2);
        Assert.Equal(3000, json.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public void Human_output_names_the_method_the_point_and_the_value()
    {
        var run = CliRunner.InProcess("minimize", "(x-3)^2 + 2", "--from", "x=0");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("by bfgs", run.Stdout);
        var lines = run.Stdout.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(3.0, double.Parse(lines.Single(l => l.StartsWith("x =")).Split('=')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture), 1e-8);
        Assert.Equal(2.0, double.Parse(lines.Single(l => l.StartsWith("value:"))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture), 1e-12);
    }

    [Fact]
    public void Plot_writes_a_png_of_the_loss()
    {
        var path = Path.Combine(Path.GetTempPath(), $"minimize-{Guid.NewGuid():N}.png");
        try
        {
            var run = CliRunner.InProcess("minimize", Rosenbrock, "--from", "x=-1.2,y=1", "--method", "adam", "--steps", "200", "--plot", path);
            Assert.Equal(0, run.ExitCode);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(400, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            Assert.Equal("IEND", System.Text.Encoding.ASCII.GetString(bytes, bytes.Length - 8, 4));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("cannot parse", "minimize", "(x-", "--from", "x=1")]
    [InlineData("'y'", "minimize", "x*y", "--from", "x=1")]
    [InlineData("unknown method 'sgd'", "minimize", "x^2", "--from", "x=1", "--method", "sgd")]
    [InlineData("--from", "minimize", "x^2", "--from", "x")]
    [InlineData("--steps", "minimize", "x^2", "--from", "x=1", "--steps", "0")]
    [InlineData("learning-rate", "minimize", "x^2", "--from", "x=1", "--method", "adam", "--learning-rate", "-1")]
    [InlineData("constant", "minimize", "x^2", "--from", "x=1,pi=2")]
    [InlineData("not a finite number", "minimize", "log(x)", "--from", "x=-1")]
    [InlineData("adam failed", "minimize", "sqrt(x)", "--from", "x=1", "--method", "adam", "--learning-rate", "5")]
    [InlineData("cannot write the plot", "minimize", "x^2", "--from", "x=1", "--plot", "/nonexistent-dir/x.png")]
    public void Bad_input_gives_one_line_on_stderr_and_exit_code_1(string expected, params string[] args)
    {
        var run = CliRunner.InProcess(args);
        Assert.Equal(Cli.BadInput, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("functional minimize:", line);
        Assert.Contains(expected, line);
        Assert.Equal("", run.Stdout);
    }
}
