using static Functional.AD;
using static Functional.Seeds.Format;

namespace Functional.Seeds;

/// <summary>Seed 000: f(x1, x2) = x1·x2 + exp(x1·x2) − sin(x2) at (1, 2). The notebook prints
/// f(1,2) = 8.47975867210497 and, from SymPy's derivatives [x2·exp(x1·x2) + x2, x1·exp(x1·x2) + x1 − cos(x2)]
/// and from its backward pass, the gradient [16.7781121978613, 8.805202935477793].</summary>
public static class SeedGradient
{
    /// <summary>The seed's function.</summary>
    public static Scalar F(Scalar[] x) => x[0] * x[1] + Scalar.Exp(x[0] * x[1]) - Scalar.Sin(x[1]);

    /// <summary>Prints the value and the gradient by reverse mode, forward mode and the closed form.</summary>
    public static void Run(TextWriter output)
    {
        Scalar[] point = [1.0, 2.0];
        var (value, reverse) = ValueAndGrad(F)(point);
        var jacobian = JacFwd(x => [F(x)])(point);
        double[] forward = [jacobian[0, 0].Value, jacobian[0, 1].Value];
        double x1 = 1, x2 = 2;
        double[] closedForm = [x2 * Math.Exp(x1 * x2) + x2, x1 * Math.Exp(x1 * x2) + x1 - Math.Cos(x2)];

        output.WriteLine($"f(1,2)              = {Number(value)}");
        output.WriteLine($"gradient, reverse   = {Vector(reverse)}");
        output.WriteLine($"gradient, forward   = {Vector(forward)}");
        output.WriteLine($"gradient, by hand   = {Vector(closedForm)}   (SymPy's x2*exp(x1*x2) + x2, x1*exp(x1*x2) + x1 - cos(x2))");
    }
}
