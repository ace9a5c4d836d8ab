namespace Functional.Cli.Tests;

/// <summary>The law: forward = reverse = symbolic ≈ numeric, gradient and Hessian, on generated expressions
/// run through the command's JSON output.</summary>
public class RandomAgreementTests
{
    [Fact]
    public void Four_methods_agree_on_120_random_expressions()
    {
        var random = new Random(7);
        var checkedCount = 0;
        for (var k = 0; k < 120; k++)
        {
            var (expr, at) = RandomExpressions.Next(random);
            var r = CliRunner.InProcess("diff", expr, "--at", at, "--json", "--hessian");
            Assert.True(r.ExitCode == 0, $"{expr} at {at}: {r.Stderr}");
            Agreement.MethodsAgree(r.Json, $"{expr} at {at}");
            checkedCount++;
        }
        Assert.Equal(120, checkedCount);
    }
}
