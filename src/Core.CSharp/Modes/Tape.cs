using System.Buffers;

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

    /// <summary>A tape whose arrays come from the shared pool: call <see cref="Release"/> when no sweep
    /// will follow, so that long programs do not allocate (and zero) large arrays on every call.</summary>
    public Tape(int capacity = 64)
    {
        capacity = Math.Max(capacity, 16);
        parentA = ArrayPool<int>.Shared.Rent(capacity);
        parentB = ArrayPool<int>.Shared.Rent(capacity);
        weightA = ArrayPool<double>.Shared.Rent(capacity);
        weightB = ArrayPool<double>.Shared.Rent(capacity);
    }

    /// <summary>Returns the arrays to the pool; the tape must not be swept afterwards.</summary>
    public void Release()
    {
        ArrayPool<int>.Shared.Return(parentA);
        ArrayPool<int>.Shared.Return(parentB);
        ArrayPool<double>.Shared.Return(weightA);
        ArrayPool<double>.Shared.Return(weightB);
        parentA = parentB = [];
        weightA = weightB = [];
        nestedPrimal = nestedWeightA = nestedWeightB = null;
        count = 0;
    }

    /// <summary>Entries recorded so far.</summary>
    public int Count => count;

    /// <summary>True once any entry holds a value of an enclosing differentiation.</summary>
    public bool IsNested => nestedPrimal is not null;

    /// <summary>True while every value on this tape has a plain-double primal and plain-double partials,
    /// and the tape is still recording: operations may then be recorded with RecordFirstOrder.</summary>
    public bool IsFirstOrder => nestedPrimal is null && !Finished;

    /// <summary>The tape on which both operands are first-order variables or constants, if any: then
    /// the operation's primal and partials are plain doubles.</summary>
    public static Tape? FirstOrderOwner(Scalar a, Scalar b)
    {
        object? na = a.Node, nb = b.Node;
        return (na ?? nb) is Tape { IsFirstOrder: true } tape && (na is null || na == tape) && (nb is null || nb == tape)
            ? tape : null;
    }

    /// <summary>Records y = op(a, b) for first-order operands (see <see cref="FirstOrderOwner"/>); a constant operand gets no edge.</summary>
    public Scalar RecordFirstOrder(double primal, Scalar a, double wa, Scalar b, double wb) =>
        RecordFirstOrder(primal, a.Node is null ? -1 : a.Slot, wa, b.Node is null ? -1 : b.Slot, wb);

    /// <summary>Records y = op(a[, b]) whose primal and partials are plain doubles.</summary>
    public Scalar RecordFirstOrder(double primal, int a, double wa, int b, double wb)
    {
        if (count == parentA.Length) Grow();
        if (a < 0) (a, wa, b, wb) = (b, wb, a, wa); // the sweep stops at the first missing parent
        var i = count++;
        parentA[i] = a;
        parentB[i] = b;
        weightA[i] = wa;
        weightB[i] = wb;
        return new Scalar(primal, this, i);
    }

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

    /// <summary>First-order sweep on doubles: adjoints of every entry up to the highest seeded slot.
    /// The array comes from the shared pool (it may be longer than <see cref="Count"/>); return it with
    /// <see cref="ReturnAdjoints"/> when done.</summary>
    public double[] SweepDoubles(ReadOnlySpan<int> seedSlots, ReadOnlySpan<double> seeds)
    {
        var adjoint = ArrayPool<double>.Shared.Rent(count);
        Array.Clear(adjoint, 0, count);
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

    /// <summary>Gives an adjoint array from <see cref="SweepDoubles"/> back to the pool.</summary>
    public static void ReturnAdjoints(double[] adjoint) => ArrayPool<double>.Shared.Return(adjoint);

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
        parentA = Regrow(parentA, size, count);
        parentB = Regrow(parentB, size, count);
        weightA = Regrow(weightA, size, count);
        weightB = Regrow(weightB, size, count);
        if (nestedPrimal is not null)
        {
            Array.Resize(ref nestedPrimal, size);
            Array.Resize(ref nestedWeightA, size);
            Array.Resize(ref nestedWeightB, size);
        }
    }

    private static T[] Regrow<T>(T[] old, int size, int used)
    {
        var grown = ArrayPool<T>.Shared.Rent(size);
        Array.Copy(old, grown, used);
        ArrayPool<T>.Shared.Return(old);
        return grown;
    }

    private void AllocateNested()
    {
        nestedPrimal = new Scalar[parentA.Length];
        nestedWeightA = new Scalar[parentA.Length];
        nestedWeightB = new Scalar[parentA.Length];
    }
}
