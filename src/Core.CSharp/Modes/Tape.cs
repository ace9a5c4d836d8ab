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
/// First-order work keeps everything in 24-byte <see cref="Entry"/> structs, in chunks of
/// <see cref="ChunkSize"/> entries rented from the shared pool: a long tape grows by adding chunks,
/// never by copying, so its peak is ~24 bytes per operation plus the sweep's 8-byte adjoints (a short
/// tape starts with one small chunk that doubles up to the chunk size). Only when a primal or a partial carries derivative information of an
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

    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    private int count;
    /// <summary>Slot i is <c>chunks[i &gt;&gt; ChunkBits][i &amp; ChunkMask]</c>; only chunk 0 may be shorter than
    /// ChunkSize. Null while the tape has one chunk (<see cref="current"/>), so short tapes allocate no list.</summary>
    private Entry[][]? chunks;
    private int chunkCount;
    /// <summary>The last chunk, where new entries go.</summary>
    private Entry[] current;
    /// <summary>Slots available before the next <see cref="Grow"/>.</summary>
    private int capacity;
    private Scalar[]? nestedPrimal, nestedWeightA, nestedWeightB;
    private List<TapeGroup>? groups;
    private bool recordsFirstOrder = true;

    /// <summary>A tape whose storage comes from the shared pool: call <see cref="Release"/> when no
    /// sweep will follow, so that long programs do not allocate (and zero) large arrays on every call.</summary>
    public Tape(int capacity = 64)
    {
        current = ArrayPool<Entry>.Shared.Rent(Math.Clamp(capacity, 16, ChunkSize));
        chunkCount = 1;
        this.capacity = Math.Min(current.Length, ChunkSize);
    }

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
        for (var k = 0; k < chunkCount; k++) ArrayPool<Entry>.Shared.Return(Chunk(k));
        chunks = null;
        current = [];
        chunkCount = capacity = 0;
        if (groups is not null) foreach (var group in groups) group.ReturnToPool();
        nestedPrimal = nestedWeightA = nestedWeightB = null;
        groups = null;
        count = 0;
    }

    /// <summary>Records y = op(a[, b]) whose primal and partials are plain doubles.</summary>
    public Scalar RecordFirstOrder(double primal, int a, double wa, int b, double wb)
    {
        if (count == capacity) Grow();
        if (a < 0) (a, wa, b, wb) = (b, wb, a, wa); // the sweep stops at the first missing parent
        var i = count++;
        ref var entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(current), i & ChunkMask);
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
        ref var adjoint0 = ref MemoryMarshal.GetArrayDataReference(adjoint);
        for (var i = top; i >= 0;)
        {
            ref var entry0 = ref MemoryMarshal.GetArrayDataReference(Chunk(i >> ChunkBits));
            for (var low = i & ~ChunkMask; i >= low; i--)
            {
                ref var entry = ref Unsafe.Add(ref entry0, i & ChunkMask);
                if (entry.ParentA < 0)
                {
                    if (entry.ParentA == GroupEnd) groups![entry.ParentB].SweepDoubles(adjoint);
                    continue;
                }
                var g = Unsafe.Add(ref adjoint0, i);
                Unsafe.Add(ref adjoint0, entry.ParentA) += g * entry.WeightA;
                if (entry.ParentB >= 0) Unsafe.Add(ref adjoint0, entry.ParentB) += g * entry.WeightB;
            }
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
            var entry = At(i);
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
    private int SweepStart(int slot) => At(slot).ParentA == GroupMember ? At(slot).ParentB : slot;

    /// <summary>The entry of <paramref name="slot"/>.</summary>
    private ref Entry At(int slot) => ref Chunk(slot >> ChunkBits)[slot & ChunkMask];

    private Entry[] Chunk(int k) => chunks is null ? current : chunks[k];

    private static Scalar Weight(Scalar[]? nested, int i, double plain) =>
        nested is not null && nested[i].Node is not null ? nested[i] : new Scalar(plain);

    /// <summary>Doubles the first chunk while it is short; after that adds a chunk (nothing is copied).</summary>
    private void Grow()
    {
        if (chunkCount == 0) throw EscapedValue(); // released
        if (chunkCount == 1 && capacity < ChunkSize)
        {
            var grown = ArrayPool<Entry>.Shared.Rent(Math.Min(capacity * 2, ChunkSize));
            Array.Copy(current, grown, count);
            ArrayPool<Entry>.Shared.Return(current);
            current = grown;
            capacity = Math.Min(grown.Length, ChunkSize);
        }
        else
        {
            chunks ??= [current, null!, null!, null!];
            if (chunkCount == chunks.Length) Array.Resize(ref chunks, chunks.Length * 2);
            chunks[chunkCount++] = current = ArrayPool<Entry>.Shared.Rent(ChunkSize);
            capacity += ChunkSize;
        }
        if (nestedPrimal is not null)
        {
            Array.Resize(ref nestedPrimal, capacity);
            Array.Resize(ref nestedWeightA, capacity);
            Array.Resize(ref nestedWeightB, capacity);
        }
    }

    private void AllocateNested()
    {
        nestedPrimal = new Scalar[capacity];
        nestedWeightA = new Scalar[capacity];
        nestedWeightB = new Scalar[capacity];
        recordsFirstOrder = false;
    }
}
