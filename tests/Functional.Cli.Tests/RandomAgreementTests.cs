using Xunit.Abstractions;

namespace Functional.Cli.Tests;

/// <summary>The law: forward = reverse = symbolic ≈ numeric, gradient and Hessian, on generated expressions
/// run through the command's JSON output.</summary>
public class RandomAgreementTests(ITestOutputHelper output)
{
    [Fact]
    public void Four_methods_agree_on_120_random_expressions()
    {
        var random = new Random(7);
        double exact = 0, numericGradient = 0, numericHessian = 0;
        var distinct = new HashSet<string>();
        for (var k = 0; k < 120; k++)
        {
            var (expr, at) = RandomExpressions.Next(random);
            distinct.Add(expr);
            var r = CliRunner.InProcess("diff", expr, "--at", at, "--json", "--hessian");
            Assert.True(r.ExitCode == 0, $"{expr} at {at}: {r.Stderr}");
            var (e, g, h) = Agreement.MethodsAgree(r.Json, $"{expr} at {at}");
            exact = Math.Max(exact, e);
            numericGradient = Math.Max(numericGradient, g);
            numericHessian = Math.Max(numericHessian, h);
        }
        Assert.True(distinct.Count >= 100, $"only {distinct.Count} distinct expressions");
        output.WriteLine($"largest relative differences: exact modes {exact:G3}, numeric gradient {numericGradient:G3}, numeric Hessian {numericHessian:G3}");
    }
}
