using System.Collections.Concurrent;

namespace Functional.Symbolic;

/// <summary>
/// The hash-consing table: one live <see cref="Expr"/> per structure. A node is keyed by its kind,
/// its primitive's name, the ids of its children, the bits of its constant and its variable name, so
/// structurally equal expressions are the same object and reference equality is structural equality.
/// </summary>
/// <remarks>
/// Thread-safe (a <see cref="ConcurrentDictionary{TKey,TValue}"/>). Entries hold <em>weak</em>
/// references, so expressions nobody uses can be collected. This is sound because a node holds its
/// children strongly and ids are never reused: while a parent is alive, its children's entries stay
/// alive; once a node has been collected no live node can refer to its id, and re-creating the
/// structure simply makes a new node with a new id. Dead entries are swept when the table has doubled
/// since the last sweep.
/// </remarks>
internal static class InternTable
{
    internal readonly record struct Key(ExprKind Kind, string? Op, long Left, long Right, long Bits, string? Name);

    private static readonly ConcurrentDictionary<Key, WeakReference<Expr>> Table = new();
    private static long nextId;
    private static int sweepThreshold = 1 << 14;
    private static int sweeping;

    internal static long NewId() => Interlocked.Increment(ref nextId);

    /// <summary>The node with this key, made by <paramref name="create"/> when there is none.</summary>
    internal static Expr Intern<TState>(in Key key, TState state, Func<TState, Expr> create)
    {
        while (true)
        {
            if (Table.TryGetValue(key, out var weak))
            {
                if (weak.TryGetTarget(out var live)) return live;
                var made = create(state);
                if (Table.TryUpdate(key, new WeakReference<Expr>(made), weak)) return made;
            }
            else
            {
                var made = create(state);
                if (Table.TryAdd(key, new WeakReference<Expr>(made)))
                {
                    if (Table.Count > Volatile.Read(ref sweepThreshold)) Sweep();
                    return made;
                }
            }
        }
    }

    /// <summary>Number of entries (live or not yet swept); for tests.</summary>
    internal static int Count => Table.Count;

    private static void Sweep()
    {
        if (Interlocked.Exchange(ref sweeping, 1) == 1) return;
        try
        {
            foreach (var entry in Table)
                if (!entry.Value.TryGetTarget(out _)) Table.TryRemove(entry);
            Volatile.Write(ref sweepThreshold, Math.Max(1 << 14, 2 * Table.Count));
        }
        finally { Volatile.Write(ref sweeping, 0); }
    }
}
