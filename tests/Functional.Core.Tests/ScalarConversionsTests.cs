namespace Functional.Core.Tests;

public class ScalarConversionsTests
{
    [Fact]
    public void A_double_array_converts_and_feeds_Grad()
    {
        double[] data = [1.0, 2.0];
        Scalar[] x = data.ToScalars();
        Assert.Equal(data, x.ToDoubles());
        Func<Scalar[], Scalar> f = v => v[0] * v[1] + Scalar.Exp(v[0] * v[1]) - Scalar.Sin(v[1]);
        var g = Grad(f)(data.ToScalars()).ToDoubles();
        Assert.Equal(2 + 2 * Math.Exp(2), g[0], 13);                    // x2 + x2·e^(x1 x2)
        Assert.Equal(1 + Math.Exp(2) - Math.Cos(2), g[1], 13);          // x1 + x1·e^(x1 x2) − cos x2
    }

    [Fact]
    public void The_array_is_a_copy_of_constants()
    {
        double[] data = [3.0, -0.5, double.NaN];
        var x = data.ToScalars();
        data[0] = 99;
        Assert.Equal(3.0, x[0].Value);
        Assert.True(double.IsNaN(x[2].Value));
        // Constants to a differentiation that closes over them: d/dt (t·x0 + x1) = x0.
        Assert.Equal(3.0, Derivative(t => t * x[0] + x[1])(1.0).Value);
        Assert.Empty(Array.Empty<double>().ToScalars());
    }

    [Fact]
    public void A_matrix_keeps_its_shape_and_entries()
    {
        var m = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var s = m.ToScalars();
        Assert.Equal(2, s.GetLength(0));
        Assert.Equal(3, s.GetLength(1));
        Assert.Equal(m, s.ToDoubles());
        Assert.Equal(0, new double[0, 4].ToScalars().GetLength(0));
        Assert.Equal(4, new double[0, 4].ToScalars().GetLength(1));
    }

    [Fact]
    public void Null_is_rejected_with_the_parameter_name()
    {
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => ((double[])null!).ToScalars()).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => ((double[,])null!).ToScalars()).ParamName);
    }
}
