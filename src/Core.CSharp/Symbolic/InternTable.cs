using System.Runtime.InteropServices;

namespace Functional.Symbolic;

/// <summary>
/// The hash-consing table: one live <see cref="Expr"/> per structure. A node is keyed by its kind, its
/// primitive's name, the ids of its children, the bits of its constant and its variable name, so
/// structurally equal expressions are the same object and reference equality is structural equality.
/// </summary>
/// <remarks>
/// Entries hold their nodes weakly (<see cref="WeakGCHandle{T}"/>: a struct handle, no finaliser), so a
/// node that nothing else references is collected, and the table does not keep a long-running
/// program's dropped expressions alive. Soundness: a live parent references its children strongly, so
/// a key built from live children's ids always finds a live node or none; ids are never reused, so a
/// dead node's key is never matched again. Dead entries are swept after every quarter-of-the-table of
/// insertions that follows a garbage collection (amortised O(1) per insertion), and the table's
/// capacity shrinks back after a burst. One lock guards the table and the handles (a freed handle
/// must never be read); it is held only for a lookup or an insertion.
/// </remarks>
internal static class InternTable
{
    internal readonly record struct Key(ExprKind Kind, string? Op, long Left, long Right, long Bits, string? Name);

    private static readonly Dictionary<Key, WeakGCHandle<Expr>> Table = new();
    private static readonly Lock Gate = new();
    private static long nextId;
    private static int insertsSinceSweep;
    private static int collectionsAtSweep;
    private const int MinimumSweep = 1 << 16;

    internal static long NewId() => Interlocked.Increment(ref nextId);

    /// <summary>The node with this key, made by <paramref name="create"/> when there is no live one.</summary>
    internal static Expr Intern<TState>(in Key key, TState state, Func<TState, Expr> create)
    {
        lock (Gate)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(Table, key, out var exists);
            if (exists)
            {
                if (slot.TryGetTarget(out var live)) return live;
                slot.Dispose();
            }
            var made = create(state);
            slot = new WeakGCHandle<Expr>(made);
            // Sweep after a quarter of the table's size in new entries, if a collection ran since the
            // last sweep (only a collection makes entries dead): amortised O(1) per insertion.
            if (!exists && ++insertsSinceSweep >= Math.Max(MinimumSweep, Table.Count / 4) && GC.CollectionCount(0) != collectionsAtSweep)
                SweepLocked();
            return made;
        }
    }

    /// <summary>Removes the entries whose nodes were collected now (for tests).</summary>
    internal static void Sweep()
    {
        lock (Gate) SweepLocked();
    }

    /// <summary>Removes the entries whose nodes were collected (called under the lock).</summary>
    private static void SweepLocked()
    {
        var dead = new List<Key>();
        foreach (var (key, handle) in Table)
            if (!handle.TryGetTarget(out _)) dead.Add(key);
        foreach (var key in dead)
        {
            Table.Remove(key, out var handle);
            handle.Dispose();
        }
        insertsSinceSweep = 0;
        collectionsAtSweep = GC.CollectionCount(0);
        var keep = Math.Max(MinimumSweep, 2 * Table.Count);
        if (Table.EnsureCapacity(0) > 2 * keep) Table.TrimExcess(keep);   // give back a burst's capacity
    }

    /// <summary>Number of entries (live or not yet swept); for tests.</summary>
    internal static int Count
    {
        get { lock (Gate) return Table.Count; }
    }

    /// <summary>Number of entries whose nodes are alive; for tests.</summary>
    internal static int LiveCount
    {
        get
        {
            lock (Gate)
            {
                var live = 0;
                foreach (var handle in Table.Values) if (handle.TryGetTarget(out _)) live++;
                return live;
            }
        }
    }
}
