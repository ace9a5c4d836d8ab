namespace Functional.Core.Tests.Vectors;

public class VecBadInputTests
{
    private static readonly Scalar[] Three = [1.0, 2.0, 3.0];
    private static readonly Scalar[] Two = [1.0, 2.0];

    [Fact]
    public void Different_lengths_are_rejected_with_both_lengths_named()
    {
        foreach (var call in new Action[] { () => Vec.Dot(Three, Two), () => Vec.Add(Three, Two), () => Vec.Subtract(Three, Two), () => Vec.Multiply(Three, Two), () => Vec.Kl(Three, Two) })
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Contains("3", e.Message);
            Assert.Contains("2", e.Message);
        }
    }

    [Fact]
    public void Matrix_shapes_that_do_not_fit_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Vec.MatVec(new double[2, 3], Two));
        Assert.Contains("2×3", e.Message);
        e = Assert.Throws<ArgumentException>(() => Vec.MatMul(new Scalar[2, 3], new Scalar[2, 3]));
        Assert.Contains("inner sizes 3 and 2", e.Message);
        Assert.Throws<ArgumentException>(() => Vec.MatMul(new double[2, 3], new Scalar[4, 1]));
        Assert.Throws<ArgumentException>(() => Vec.AddToRows(new Scalar[2, 3], Two));
        Assert.Throws<ArgumentException>(() => Vec.Reshape(Three, 2, 2));
    }

    [Fact]
    public void The_product_of_two_constant_matrices_is_their_product()
    {
        var a = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var b = new double[,] { { 1, 0 }, { 0, 1 }, { 2, -1 } };
        Assert.Equal(new double[,] { { 7, -1 }, { 16, -1 } }, Vec.MatMul(a, b).ToDoubles());
        Assert.Throws<ArgumentException>(() => Vec.MatMul(a, a));
    }

    [Fact]
    public void Labels_out_of_range_are_rejected()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => Vec.CrossEntropy(Three, 3));
        Assert.Contains("label 3", e.Message);
        Assert.ThrowsAny<ArgumentException>(() => Vec.CrossEntropy(Three, -1));
        Assert.ThrowsAny<ArgumentException>(() => Vec.CrossEntropy(new Scalar[2, 3], [0, 5]));
        Assert.ThrowsAny<ArgumentException>(() => Vec.CrossEntropy(new Scalar[2, 3], [0]));
    }

    [Fact]
    public void Empty_inputs_to_normalising_operations_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Vec.Softmax([]));
        Assert.Throws<ArgumentException>(() => Vec.LogSumExp([]));
        Assert.Throws<ArgumentException>(() => Vec.Mean([]));
        Assert.Equal(0.0, Vec.Sum([]).Value);
    }

    [Fact]
    public void Nulls_are_rejected_by_name()
    {
        Assert.Equal("a", Assert.Throws<ArgumentNullException>(() => Vec.Dot(null!, Two)).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Vec.Map(Two, null!)).ParamName);
        Assert.Equal("W", Assert.Throws<ArgumentNullException>(() => Vec.MatVec((double[,])null!, Two)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentNullException>(() => Vec.Softmax(null!)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentNullException>(() => Vec.CrossEntropy((Scalar[])null!, 0)).ParamName);
    }
}
