namespace Functional;

/// <summary>
/// Reverse mode: the Wengert list of one invocation, in creation order. Each entry stores its (at
/// most two) parents and the local partial derivatives towards them. The backward sweep is a plain
/// loop from the end, so programs of any length differentiate without recursion.
/// </summary>
/// <remarks>
/// First-order work keeps everything in <see cref="double"/> arrays. Only when a primal or a partial
/// carries derivative information of an enclosing differentiation (nesting) are the
/// <see cref="Scalar"/> side arrays allocated, and then the sweep itself runs on <see cref="Scalar"/>
/// so that the enclosing differentiation sees it.
/// </remarks>
internal sealed class Tape : Differentiation
{
    private const int NoParent = -1;

    private int count;
    private int[] parentA, parentB;
    private double[] weightA, weightB;
    private Scalar[]? nestedPrimal, nestedWeightA, nestedWeightB;

    public Tape(int capacity = 64)
    {
        capacity = Math.Max(capacity, 16);
        parentA = new int[capacity];
        parentB = new int[capacity];
        weightA = new double[capacity];
        weightB = new double[capacity];
    }

    /// <summary>Entries recorded so far.</summary>
    public int Count => count;

    /// <summary>True once any entry holds a value of an enclosing differentiation.</summary>
    public bool IsNested => nestedPrimal is not null;

    /// <summary>Records an independent variable with the given (possibly nested) primal.</summary>
    public Scalar Variable(Scalar primal) => Record(primal, NoParent, default, NoParent, default);

    /// <summary>Records y = op(a[, b]) with the partials ∂y/∂a = <paramref name="wa"/>, ∂y/∂b = <paramref name="wb"/>.</summary>
    public Scalar Record(Scalar primal, int a, Scalar wa, int b, Scalar wb)
    {
        if (Finished) throw EscapedValue();
        if (count == parentA.Length) Grow();
        if (a < 0 && b >= 0) (a, wa, b, wb) = (b, wb, a, wa); // the sweep stops at the first missing parent
        var i = count++;
        parentA[i] = a;
        parentB[i] = b;
        weightA[i] = wa.Primal;
        weightB[i] = wb.Primal;
        if (primal.Node is not null || wa.Node is not null || wb.Node is not null)
        {
            if (nestedPrimal is null) AllocateNested();
            nestedPrimal![i] = primal;
            nestedWeightA![i] = wa;
            nestedWeightB![i] = wb;
        }
        return new Scalar(primal.Primal, this, i);
    }

    /// <summary>The primal of a value on this tape, one level down (itself a nested value when nesting).</summary>
    public Scalar PrimalOf(Scalar value)
    {
        if (nestedPrimal is not null)
        {
            var nested = nestedPrimal[value.Slot];
            if (nested.Node is not null) return nested;
        }
        return new Scalar(value.Primal);
    }

    /// <summary>First-order sweep on doubles: adjoints of every entry up to the highest seeded slot.</summary>
    public double[] SweepDoubles(ReadOnlySpan<int> seedSlots, ReadOnlySpan<double> seeds)
    {
        var adjoint = new double[count];
        var top = -1;
        for (var k = 0; k < seedSlots.Length; k++)
        {
            adjoint[seedSlots[k]] += seeds[k];
            top = Math.Max(top, seedSlots[k]);
        }
        int[] pa = parentA, pb = parentB;
        double[] wa = weightA, wb = weightB;
        for (var i = top; i >= 0; i--)
        {
            var g = adjoint[i];
            var a = pa[i];
            if (a < 0) continue;
            adjoint[a] += g * wa[i];
            var b = pb[i];
            if (b >= 0) adjoint[b] += g * wb[i];
        }
        return adjoint;
    }

    /// <summary>Sweep on <see cref="Scalar"/>: every multiply-add is itself differentiable by the
    /// enclosing differentiations (this is how reverse mode nests).</summary>
    public Scalar[] SweepScalars(ReadOnlySpan<int> seedSlots, ReadOnlySpan<Scalar> seeds)
    {
        var adjoint = new Scalar[count];
        var top = -1;
        for (var k = 0; k < seedSlots.Length; k++)
        {
            adjoint[seedSlots[k]] += seeds[k];
            top = Math.Max(top, seedSlots[k]);
        }
        for (var i = top; i >= 0; i--)
        {
            var a = parentA[i];
            if (a < 0) continue;
            var g = adjoint[i];
            adjoint[a] += g * WeightA(i);
            var b = parentB[i];
            if (b >= 0) adjoint[b] += g * WeightB(i);
        }
        return adjoint;
    }

    private Scalar WeightA(int i) =>
        nestedWeightA is not null && nestedWeightA[i].Node is not null ? nestedWeightA[i] : new Scalar(weightA[i]);

    private Scalar WeightB(int i) =>
        nestedWeightB is not null && nestedWeightB[i].Node is not null ? nestedWeightB[i] : new Scalar(weightB[i]);

    private void Grow()
    {
        var size = parentA.Length * 2;
        Array.Resize(ref parentA, size);
        Array.Resize(ref parentB, size);
        Array.Resize(ref weightA, size);
        Array.Resize(ref weightB, size);
        if (nestedPrimal is not null)
        {
            Array.Resize(ref nestedPrimal, size);
            Array.Resize(ref nestedWeightA, size);
            Array.Resize(ref nestedWeightB, size);
        }
    }

    private void AllocateNested()
    {
        nestedPrimal = new Scalar[parentA.Length];
        nestedWeightA = new Scalar[parentA.Length];
        nestedWeightB = new Scalar[parentA.Length];
    }
}
