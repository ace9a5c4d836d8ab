using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Functional;

/// <summary>
/// Reverse mode: the Wengert list of one invocation, in creation order, and the interpreter that
/// records onto it. Each ordinary entry stores its (at most two) parents and the local partial
/// derivatives towards them; a group entry records an <see cref="Op"/> with k inputs and m outputs
/// (m consecutive slots) and runs its pullback during the sweep. The backward sweep is a plain loop
/// from the end, so programs of any length differentiate without recursion.
/// </summary>
/// <remarks>
/// First-order work keeps everything in one array of 24-byte <see cref="Entry"/> structs, rented
/// from the shared pool. Only when a primal or a partial carries derivative information of an
/// enclosing differentiation (nesting) are the <see cref="Scalar"/> side arrays allocated, and then
/// the sweep itself runs on <see cref="Scalar"/> so that the enclosing differentiation sees it.
/// </remarks>
internal sealed partial class Tape : Differentiation
{
    private const int NoParent = -1;
    /// <summary>ParentA of the last slot of a group: ParentB is the group's index.</summary>
    private const int GroupEnd = -2;
    /// <summary>ParentA of the other slots of a group: ParentB is the slot of the group's end.</summary>
    private const int GroupMember = -3;

    /// <summary>y = op(a, b): parents (−1 when absent; a missing A implies a missing B) and partials.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Entry
    {
        public int ParentA, ParentB;
        public double WeightA, WeightB;
    }

    private int count;
    private Entry[] entries;
    private Scalar[]? nestedPrimal, nestedWeightA, nestedWeightB;
    private List<TapeGroup>? groups;
    private bool recordsFirstOrder = true;

    /// <summary>A tape whose storage comes from the shared pool: call <see cref="Release"/> when no
    /// sweep will follow, so that long programs do not allocate (and zero) large arrays on every call.</summary>
    public Tape(int capacity = 64) => entries = ArrayPool<Entry>.Shared.Rent(Math.Max(capacity, 16));

    public override string Kind => "tape";

    /// <summary>Entries recorded so far.</summary>
    public int Count => count;

    /// <summary>True once any entry holds a value of an enclosing differentiation.</summary>
    public bool IsNested => nestedPrimal is not null;

    /// <summary>True while every value on this tape has a plain-double primal and plain-double
    /// partials and the tape is still recording: operations may then use RecordFirstOrder.</summary>
    public bool IsFirstOrder => recordsFirstOrder;

    public override void Finish()
    {
        base.Finish();
        recordsFirstOrder = false;
    }

    /// <summary>Returns the storage to the pool; the tape must not be swept afterwards.</summary>
    public void Release()
    {
        ArrayPool<Entry>.Shared.Return(entries);
        entries = [];
        if (groups is not null) foreach (var group in groups) group.ReturnToPool();
        nestedPrimal = nestedWeightA = nestedWeightB = null;
        groups = null;
        count = 0;
    }

    /// <summary>Records y = op(a[, b]) whose primal and partials are plain doubles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Scalar RecordFirstOrder(double primal, int a, double wa, int b, double wb)
    {
        if (count == entries.Length) Grow();
        if (a < 0) (a, wa, b, wb) = (b, wb, a, wa); // the sweep stops at the first missing parent
        var i = count++;
        ref var entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(entries), i);
        entry.ParentA = a;
        entry.ParentB = b;
        entry.WeightA = wa;
        entry.WeightB = wb;
        return Scalar.OnTape(primal, this, i);
    }

    /// <summary>Records an independent variable with the given (possibly nested) primal.</summary>
    public Scalar Variable(Scalar primal) => Record(primal, NoParent, default, NoParent, default);

    /// <summary>Records y = op(a[, b]) with the partials ∂y/∂a = <paramref name="wa"/>, ∂y/∂b = <paramref name="wb"/>.</summary>
    public Scalar Record(Scalar primal, int a, Scalar wa, int b, Scalar wb)
    {
        if (Finished) throw EscapedValue();
        if (a < 0) (a, wa, b, wb) = (b, wb, a, wa);
        var result = RecordFirstOrder(primal.Primal, a, wa.Primal, b, wb.Primal);
        if (primal.Node is not null || wa.Node is not null || wb.Node is not null)
        {
            if (nestedPrimal is null) AllocateNested();
            nestedPrimal![result.Slot] = primal;
            nestedWeightA![result.Slot] = wa;
            nestedWeightB![result.Slot] = wb;
        }
        return result;
    }

    /// <summary>The primal of a value on this tape, one level down (itself a nested value when nesting).</summary>
    public override Scalar PrimalOf(Scalar value)
    {
        if (value.Node != this) return value;
        if (nestedPrimal is not null)
        {
            var nested = nestedPrimal[value.Slot];
            if (nested.Node is not null) return nested;
        }
        return new Scalar(value.Primal);
    }

    /// <summary>First-order sweep on doubles: adjoints of every entry up to the highest seeded slot.
    /// The array comes from the shared pool (it may be longer than <see cref="Count"/>); give it back
    /// with <see cref="ReturnAdjoints"/>.</summary>
    public double[] SweepDoubles(ReadOnlySpan<int> seedSlots, ReadOnlySpan<double> seeds)
    {
        var adjoint = ArrayPool<double>.Shared.Rent(count);
        Array.Clear(adjoint, 0, count);
        var top = -1;
        for (var k = 0; k < seedSlots.Length; k++)
        {
            adjoint[seedSlots[k]] += seeds[k];
            top = Math.Max(top, SweepStart(seedSlots[k]));
        }
        // Parents always precede their children, so indices stay in range without bounds checks.
        ref var entry0 = ref MemoryMarshal.GetArrayDataReference(entries);
        ref var adjoint0 = ref MemoryMarshal.GetArrayDataReference(adjoint);
        for (var i = top; i >= 0; i--)
        {
            ref var entry = ref Unsafe.Add(ref entry0, i);
            if (entry.ParentA < 0)
            {
                if (entry.ParentA == GroupEnd) groups![entry.ParentB].SweepDoubles(adjoint);
                continue;
            }
            var g = Unsafe.Add(ref adjoint0, i);
            Unsafe.Add(ref adjoint0, entry.ParentA) += g * entry.WeightA;
            if (entry.ParentB >= 0) Unsafe.Add(ref adjoint0, entry.ParentB) += g * entry.WeightB;
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
            top = Math.Max(top, SweepStart(seedSlots[k]));
        }
        for (var i = top; i >= 0; i--)
        {
            var entry = entries[i];
            if (entry.ParentA < 0)
            {
                if (entry.ParentA == GroupEnd) groups![entry.ParentB].SweepScalars(adjoint);
                continue;
            }
            var g = adjoint[i];
            adjoint[entry.ParentA] += g * Weight(nestedWeightA, i, entry.WeightA);
            if (entry.ParentB >= 0) adjoint[entry.ParentB] += g * Weight(nestedWeightB, i, entry.WeightB);
        }
        return adjoint;
    }

    /// <summary>Where a sweep seeded at <paramref name="slot"/> must start: a group's outputs are
    /// handled together at the group's last slot.</summary>
    private int SweepStart(int slot) => entries[slot].ParentA == GroupMember ? entries[slot].ParentB : slot;

    private static Scalar Weight(Scalar[]? nested, int i, double plain) =>
        nested is not null && nested[i].Node is not null ? nested[i] : new Scalar(plain);

    private void Grow()
    {
        var grown = ArrayPool<Entry>.Shared.Rent(entries.Length * 2);
        Array.Copy(entries, grown, count);
        ArrayPool<Entry>.Shared.Return(entries);
        entries = grown;
        if (nestedPrimal is not null)
        {
            Array.Resize(ref nestedPrimal, entries.Length);
            Array.Resize(ref nestedWeightA, entries.Length);
            Array.Resize(ref nestedWeightB, entries.Length);
        }
    }

    private void AllocateNested()
    {
        nestedPrimal = new Scalar[entries.Length];
        nestedWeightA = new Scalar[entries.Length];
        nestedWeightB = new Scalar[entries.Length];
        recordsFirstOrder = false;
    }
}
