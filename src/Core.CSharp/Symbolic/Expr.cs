using System.Globalization;

namespace Functional.Symbolic;

/// <summary>
/// An immutable symbolic expression: a DAG of constants, variables and applications of the
/// primitives of <see cref="Primitives{T}"/>. Nodes are hash-consed (see <see cref="InternTable"/>):
/// structurally equal subexpressions are one object, so equality is reference equality and shared
/// subexpressions are stored, differentiated, simplified and compiled once.
/// </summary>
/// <remarks>
/// Build expressions with <see cref="Var"/>, <see cref="Const"/>, the operators and the static
/// functions (<see cref="Sin"/> …), or with <see cref="Parse"/>. The builders fold constants and
/// trivial identities (x + 0, x·1, −(−x) …); <see cref="Simplify()"/> does the rest. Every traversal is
/// iterative, so expressions of any depth are safe. Instances are thread-safe.
/// </remarks>
public sealed partial class Expr : IEquatable<Expr>, IDifferentiable<Expr>
{
    private Expr(ExprKind kind, long id, long hash)
    {
        Kind = kind;
        Id = id;
        StructuralHash = hash;
    }

    /// <summary>What this node is.</summary>
    public ExprKind Kind { get; }

    /// <summary>The value of a <see cref="ExprKind.Constant"/> node (NaN for other kinds).</summary>
    public double ConstantValue { get; private init; } = double.NaN;

    /// <summary>The name of a <see cref="ExprKind.Variable"/> node (<c>null</c> for other kinds).</summary>
    public string? Name { get; private init; }

    /// <summary>The only argument of a unary node, the left argument of a binary node; otherwise <c>null</c>.</summary>
    public Expr? Left { get; private init; }

    /// <summary>The right argument of a binary node; otherwise <c>null</c>.</summary>
    public Expr? Right { get; private init; }

    /// <summary>The primitive's name for unary and binary nodes (<c>"sin"</c>, <c>"+"</c>, <c>"pow"</c>,
    /// <c>"neg"</c> …), as in <see cref="Primitives{T}"/>; otherwise <c>null</c>.</summary>
    public string? Operator => UnaryOp?.Name ?? BinaryOp?.Name;

    /// <summary>The rule-table entry of a unary node.</summary>
    internal UnaryPrimitive<Expr>? UnaryOp { get; private init; }

    /// <summary>The rule-table entry of a binary node.</summary>
    internal BinaryPrimitive<Expr>? BinaryOp { get; private init; }

    /// <summary>Unique per live node; children's ids key the intern table.</summary>
    internal long Id { get; }

    /// <summary>A hash of the structure, the same in every process (used for hashing and for a
    /// deterministic order of terms).</summary>
    internal long StructuralHash { get; }

    internal bool IsConstant => Kind == ExprKind.Constant;

    /// <summary>True when a variable occurs in this expression.</summary>
    internal bool HasVariables { get; private init; }

    /// <summary>Operations in the expression written out as a tree (SymPy's count_ops: every unary and
    /// binary node at every use; constants, negative ones too, and variables count nothing), saturating
    /// at <see cref="MaxOperations"/>. Known when the node is made, so the simplifier's comparisons of
    /// candidate sizes need no walk.</summary>
    internal long OperationCount { get; private init; }

    internal const long MaxOperations = long.MaxValue / 4;

    internal bool IsConstantEqualTo(double value) => Kind == ExprKind.Constant && ConstantValue == value;

    internal bool Is(UnaryPrimitive<Expr> op) => ReferenceEquals(UnaryOp, op);

    internal bool Is(BinaryPrimitive<Expr> op) => ReferenceEquals(BinaryOp, op);

    // ---- leaves --------------------------------------------------------------------------------

    /// <summary>The variable called <paramref name="name"/>.</summary>
    /// <param name="name">An identifier: a letter or underscore, then letters, digits or underscores;
    /// not a function name nor one of the constants <c>pi e inf nan</c> (so that it prints and parses back).</param>
    /// <exception cref="ArgumentException">The name is not a valid variable name.</exception>
    public static Expr Var(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsIdentifier(name))
            throw new ArgumentException($"'{name}' is not a variable name: use a letter or '_' followed by letters, digits or '_'", nameof(name));
        if (Parser.IsReservedName(name))
            throw new ArgumentException($"'{name}' is a function or constant name and cannot name a variable", nameof(name));
        var key = new InternTable.Key(ExprKind.Variable, null, 0, 0, 0, name);
        return InternTable.Intern(key, name, static n =>
            new Expr(ExprKind.Variable, InternTable.NewId(), StableHash.Mix(2, StableHash.Of(n))) { Name = n, HasVariables = true });
    }

    /// <summary>The constant <paramref name="value"/> (every NaN is the same constant; 0 and −0 differ).</summary>
    public static Expr Const(double value)
    {
        if (value is >= -SmallInteger and <= SmallInteger && Math.Floor(value) == value && !(value == 0 && double.IsNegative(value)))
            return SmallIntegers[(int)value + SmallInteger] ??= Interned(value);
        return Interned(value);
    }

    // Small whole numbers are most of the constants expressions are built from (coefficients,
    // exponents), so they are kept at hand: no table lookup, and 33 nodes that are never collected.
    private const int SmallInteger = 16;
    private static readonly Expr?[] SmallIntegers = new Expr?[2 * SmallInteger + 1];

    private static Expr Interned(double value)
    {
        if (double.IsNaN(value)) value = double.NaN;
        var bits = BitConverter.DoubleToInt64Bits(value);
        var key = new InternTable.Key(ExprKind.Constant, null, 0, 0, bits, null);
        return InternTable.Intern(key, value, static v =>
            new Expr(ExprKind.Constant, InternTable.NewId(), StableHash.Mix(1, BitConverter.DoubleToInt64Bits(v))) { ConstantValue = v });
    }

    static Expr IDifferentiable<Expr>.Constant(double value) => Const(value);

    /// <summary>The unary node op(x), exactly (no folding).</summary>
    internal static Expr RawUnary(UnaryPrimitive<Expr> op, Expr x)
    {
        var key = new InternTable.Key(ExprKind.Unary, op.Name, x.Id, 0, 0, null);
        return InternTable.Intern(key, (op, x), static s =>
            new Expr(ExprKind.Unary, InternTable.NewId(), StableHash.Mix(StableHash.Mix(3, StableHash.Of(s.op.Name)), s.x.StructuralHash))
            { UnaryOp = s.op, Left = s.x, HasVariables = s.x.HasVariables, OperationCount = Math.Min(1 + s.x.OperationCount, MaxOperations) });
    }

    /// <summary>The binary node op(a, b), exactly (no folding).</summary>
    internal static Expr RawBinary(BinaryPrimitive<Expr> op, Expr a, Expr b)
    {
        var key = new InternTable.Key(ExprKind.Binary, op.Name, a.Id, b.Id, 0, null);
        return InternTable.Intern(key, (op, a, b), static s =>
            new Expr(ExprKind.Binary, InternTable.NewId(),
                StableHash.Mix(StableHash.Mix(StableHash.Mix(4, StableHash.Of(s.op.Name)), s.a.StructuralHash), s.b.StructuralHash))
            {
                BinaryOp = s.op, Left = s.a, Right = s.b, HasVariables = s.a.HasVariables || s.b.HasVariables,
                OperationCount = Math.Min(1 + s.a.OperationCount + s.b.OperationCount, MaxOperations),
            });
    }

    internal static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        return true;
    }

    // ---- equality ------------------------------------------------------------------------------

    /// <summary>Structural equality, which hash-consing makes reference equality.</summary>
    public bool Equals(Expr? other) => ReferenceEquals(this, other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)(StructuralHash ^ (StructuralHash >>> 32));

    /// <summary>Structural equality (reference equality of hash-consed nodes).</summary>
    public static bool operator ==(Expr? a, Expr? b) => ReferenceEquals(a, b);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(Expr? a, Expr? b) => !ReferenceEquals(a, b);

    /// <summary>The expression in the syntax of <see cref="Parse"/>, with minimal parentheses and
    /// round-trip exact numbers: <c>Parse(e.ToString()) == e</c>.</summary>
    public override string ToString() => Printer.Print(this);

    internal static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(value) => "nan",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
