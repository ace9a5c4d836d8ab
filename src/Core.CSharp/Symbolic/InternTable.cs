using System.Collections.Concurrent;

namespace Functional.Symbolic;

/// <summary>
/// The hash-consing table: one <see cref="Expr"/> per structure. A node is keyed by its kind, its
/// primitive's name, the ids of its children, the bits of its constant and its variable name, so
/// structurally equal expressions are the same object and reference equality is structural equality.
/// </summary>
/// <remarks>
/// Thread-safe: a <see cref="ConcurrentDictionary{TKey,TValue}"/> whose <c>GetOrAdd</c> decides the
/// one winner when two threads build the same node. Entries are plain (strong) references: nodes live
/// as long as the process, like interned strings. Weak references were measured and rejected: every
/// garbage collection scans all weak handles, which made building a 10⁵-node expression take seconds
/// instead of milliseconds. A symbolic workload of millions of distinct nodes therefore keeps them.
/// </remarks>
internal static class InternTable
{
    internal readonly record struct Key(ExprKind Kind, string? Op, long Left, long Right, long Bits, string? Name);

    private static readonly ConcurrentDictionary<Key, Expr> Table = new();
    private static long nextId;

    internal static long NewId() => Interlocked.Increment(ref nextId);

    /// <summary>The node with this key, made by <paramref name="create"/> when there is none.</summary>
    internal static Expr Intern<TState>(in Key key, TState state, Func<TState, Expr> create) =>
        Table.TryGetValue(key, out var live) ? live : Table.GetOrAdd(key, static (_, s) => s.create(s.state), (create, state));

    /// <summary>Number of nodes ever made; for tests.</summary>
    internal static int Count => Table.Count;
}
