namespace Functional;

public readonly partial struct Scalar
{
    // Every operation on Scalars comes here (after the arithmetic operators' fast lanes): constants
    // compute on doubles, first-order operands take FastLanes, and everything else goes to the
    // interpreter of the operands' highest level, which recurses one level down.

    /// <summary>The differentiation of the higher-level operand (at least one is not a constant).</summary>
    internal static Differentiation Top(Scalar a, Scalar b)
    {
        Node? na = a.Node, nb = b.Node;
        if (na is null) return nb!.Owner;
        if (nb is null || na == nb) return na.Owner;
        Differentiation oa = na.Owner, ob = nb.Owner;
        return oa.Level >= ob.Level ? oa : ob;
    }

    /// <summary>Applies a one-argument primitive at every level of nesting.</summary>
    internal static Scalar Apply(UnaryPrimitive<Scalar> primitive, Scalar x)
    {
        if (x.Node is null) return new Scalar(primitive.Value(x.Primal));
        return FastLanes.TryApply(primitive, x, out var y) ? y : x.Node.Owner.Apply(primitive, x);
    }

    /// <summary>Applies a two-argument primitive; the operand of lower level is a constant of the higher.</summary>
    internal static Scalar Apply(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b)
    {
        if (a.Node is null && b.Node is null) return new Scalar(primitive.Value(a.Primal, b.Primal));
        return FastLanes.TryApply(primitive, a, b, out var y) ? y : Top(a, b).Apply(primitive, a, b);
    }

    /// <summary>The generic path of a two-argument primitive, for operands known not to fit a fast lane.</summary>
    internal static Scalar ApplyAtTop(BinaryPrimitive<Scalar> primitive, Scalar a, Scalar b) => Top(a, b).Apply(primitive, a, b);

    /// <summary>Applies an op with k inputs and m outputs at every level of nesting.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ from the op's arity.</exception>
    internal static void Apply(Op op, ReadOnlySpan<Scalar> x, Span<Scalar> y)
    {
        if (x.Length != op.Inputs || y.Length != op.Outputs)
            throw new ArgumentException($"the operation '{op.Name}' takes {op.Inputs} inputs and gives {op.Outputs} outputs, not {x.Length} and {y.Length}");
        Differentiation? top = null;
        foreach (var v in x)
            if (v.Node is { } node && (top is null || node.Owner.Level > top.Level)) top = node.Owner;
        if (top is not null)
        {
            top.Apply(op, x, y);
            return;
        }
        var values = new double[y.Length];
        op.Evaluate(Primals(x), values);
        for (var j = 0; j < y.Length; j++) y[j] = new Scalar(values[j]);
    }

    /// <summary>Applies an op with k inputs and m outputs; returns its m outputs.</summary>
    internal static Scalar[] Apply(Op op, ReadOnlySpan<Scalar> x)
    {
        var y = new Scalar[op.Outputs];
        Apply(op, x, y);
        return y;
    }

    /// <summary>Constants with the given values.</summary>
    internal static Scalar[] Constants(ReadOnlySpan<double> values)
    {
        var result = new Scalar[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = new Scalar(values[i]);
        return result;
    }

    /// <summary>The primal values (every level unwrapped), without observation: for the interpreters.</summary>
    internal static double[] Primals(ReadOnlySpan<Scalar> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = values[i].Primal;
        return result;
    }
}
