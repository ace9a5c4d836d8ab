using System.Buffers.Binary;
using Functional.Samples.Vectors;

namespace Functional.Samples.Vectors.Tests;

public class SampleTests
{
    [Fact]
    public void Affine_layer_backprop_by_AD_equals_the_seed_formulas()
    {
        var sample = new AffineBackprop();
        var (difference, parameters) = sample.Compare();
        Assert.Equal(43, parameters);
        Assert.True(difference < 1e-13, $"largest difference {difference}");
        Assert.Contains(sample.HandDerived(), g => Math.Abs(g) > 1e-3);
    }

    [Fact]
    public void The_MLP_loss_falls_and_it_learns_the_spirals()
    {
        var (history, _, before, after) = new MlpTraining().Train(steps: 800);
        Assert.Equal(800, history.Count);
        Assert.True(history[^1] < 0.2 * history[0], $"loss {history[0]} → {history[^1]}");
        Assert.True(after > 0.9, $"training accuracy {after}");
        Assert.True(before < 0.6, $"accuracy before training {before}");
    }

    [Fact]
    public void The_large_Hessian_vector_product_equals_At_A_v()
    {
        var (hv, difference) = new LargeHvp(n: 10_000, rows: 8).Run();
        Assert.Equal(10_000, hv.Length);
        Assert.True(difference < 1e-12, $"largest relative difference {difference}");
        Assert.Contains(hv, t => Math.Abs(t) > 1);
    }

    [Fact]
    public void The_loss_plot_is_a_png_of_the_requested_size()
    {
        var path = Path.Combine(Path.GetTempPath(), $"loss-{Guid.NewGuid():N}.png");
        try
        {
            LossPlot.Write([1.0, 0.5, 0.25, 0.2], path, 640, 360);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal(640, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
            Assert.Equal(360, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
            Assert.True(bytes.Length > 1000);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_empty_history_cannot_be_plotted()
    {
        Assert.Throws<ArgumentException>(() => LossPlot.Write([], "x.png"));
    }
}
