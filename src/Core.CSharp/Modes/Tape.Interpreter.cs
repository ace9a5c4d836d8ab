namespace Functional;

internal sealed partial class Tape
{
    public override Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x)
    {
        EnsureActive();
        var xp = PrimalOf(x);
        var y = Scalar.Apply(primitive, xp);
        return Record(y, x.Slot, primitive.Derivative(xp, y), NoParent, default);
    }

    public override Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b)
    {
        EnsureActive();
        bool aOnTape = a.Node == this, bOnTape = b.Node == this;
        var ap = PrimalOf(a);
        var bp = PrimalOf(b);
        var y = Scalar.Apply(primitive, ap, bp);
        return Record(y,
            aOnTape ? a.Slot : NoParent, aOnTape ? primitive.DerivativeLeft(ap, bp, y) : default,
            bOnTape ? b.Slot : NoParent, bOnTape ? primitive.DerivativeRight(ap, bp, y) : default);
    }

    /// <summary>Records y = op(x) as one group: m consecutive slots whose adjoints the op's pullback
    /// turns into adjoints of the inputs during the sweep.</summary>
    public override void Apply(Op op, ReadOnlySpan<Scalar> x, Span<Scalar> y)
    {
        EnsureActive();
        var slots = new int[x.Length];
        var primals = new Scalar[x.Length];
        var plain = true;
        for (var i = 0; i < x.Length; i++)
        {
            slots[i] = x[i].Node == this ? x[i].Slot : NoParent;
            primals[i] = PrimalOf(x[i]);
            plain &= primals[i].Node is null;
        }
        var values = new Scalar[y.Length];
        Scalar.Apply(op, primals, values);
        foreach (var v in values) plain &= v.Node is null;

        var first = count;
        AppendGroup(plain
            ? new TapeGroup(op, slots, first, Scalar.Primals(primals), Scalar.Primals(values))
            : new TapeGroup(op, slots, first, primals, values), y.Length);
        if (!plain && nestedPrimal is null) AllocateNested();
        for (var j = 0; j < y.Length; j++)
        {
            if (!plain) nestedPrimal![first + j] = values[j];
            y[j] = Scalar.OnTape(values[j].Primal, this, first + j);
        }
    }

    /// <summary>Appends a group's output slots: the last one carries the group for the sweep, the
    /// others point at it (a sweep seeded at any of them starts there).</summary>
    private void AppendGroup(TapeGroup group, int outputs)
    {
        groups ??= [];
        groups.Add(group);
        var last = count + outputs - 1;
        for (var j = 0; j < outputs; j++)
        {
            if (count == capacity) Grow();
            var slot = count++;
            At(slot) = slot == last
                ? new Entry { ParentA = GroupEnd, ParentB = groups.Count - 1 }
                : new Entry { ParentA = GroupMember, ParentB = last };
        }
    }
}
