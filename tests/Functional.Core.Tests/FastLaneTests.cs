namespace Functional.Core.Tests;

/// <summary>The plain-double fast lanes compute exactly (bit for bit) what the interpreters' generic
/// paths compute from the rule table, for every entry of the table and for + − × ÷.</summary>
public class FastLaneTests
{
    private static readonly double[] Points = [-1.7, -0.45, 0.3, 0.85, 2.2];

    public static TheoryData<string> UnaryNames() => [.. Primitives<Scalar>.Unary.Keys, "neg"];

    public static TheoryData<string> BinaryNames() => [.. Primitives<Scalar>.Binary.Keys, "+", "-", "*", "/"];

    private static UnaryPrimitive<Scalar> Unary(string name) => name == "neg" ? Primitives<Scalar>.Negate : Primitives<Scalar>.Unary[name];

    private static BinaryPrimitive<Scalar> Binary(string name) => name switch
    {
        "+" => Primitives<Scalar>.Add,
        "-" => Primitives<Scalar>.Subtract,
        "*" => Primitives<Scalar>.Multiply,
        "/" => Primitives<Scalar>.Divide,
        _ => Primitives<Scalar>.Binary[name],
    };

    /// <summary>What user code runs: the operators' own lanes for + − × ÷, the dispatch otherwise.</summary>
    private static Scalar Fast(string name, Scalar a, Scalar b) => name switch
    {
        "+" => a + b,
        "-" => a - b,
        "*" => a * b,
        "/" => a / b,
        _ => Scalar.Apply(Binary(name), a, b),
    };

    private static void SameBits(double expected, double actual, string what) =>
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || double.IsNaN(expected) && double.IsNaN(actual),
            $"{what}: generic {expected:R}, fast lane {actual:R}");

    private static double[] Gradient(Tape tape, Scalar y, int inputs)
    {
        var adjoint = tape.SweepDoubles([y.Slot], [1.0]);
        var g = adjoint[..inputs];
        Tape.ReturnAdjoints(adjoint);
        return g;
    }

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void Unary_fast_lanes_equal_the_generic_path(string name)
    {
        var p = Unary(name);
        foreach (var x in Points)
        {
            var tape = new Tape();
            var v = tape.Variable(x);
            var fast = Scalar.Apply(p, v);
            var generic = tape.Apply(p, v);
            SameBits(generic.Value, fast.Value, $"{name}({x}) value on a tape");
            SameBits(Gradient(tape, generic, 1)[0], Gradient(tape, fast, 1)[0], $"{name}'({x}) on a tape");

            var forward = new ForwardDifferentiation();
            var d = forward.Make(x, 0.75);
            var fastDual = Scalar.Apply(p, d);
            var genericDual = forward.Apply(p, d);
            SameBits(genericDual.Value, fastDual.Value, $"{name}({x}) value of a dual number");
            SameBits(forward.Split(genericDual).Tangent.Value, forward.Split(fastDual).Tangent.Value, $"{name}'({x}) tangent");
        }
    }

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void Binary_fast_lanes_equal_the_generic_path(string name)
    {
        var p = Binary(name);
        foreach (var a in Points)
            foreach (var b in Points)
                foreach (var (aVaries, bVaries) in new[] { (true, true), (true, false), (false, true) })
                {
                    var what = $"{name}({a}, {b}) with {(aVaries ? "a" : "")}{(bVaries ? "b" : "")} varying";
                    var tape = new Tape();
                    Scalar ta = aVaries ? tape.Variable(a) : a, tb = bVaries ? tape.Variable(b) : b;
                    var fast = Fast(name, ta, tb);
                    var generic = tape.Apply(p, ta, tb);
                    var inputs = (aVaries ? 1 : 0) + (bVaries ? 1 : 0);
                    SameBits(generic.Value, fast.Value, what + ", value on a tape");
                    var (gg, gf) = (Gradient(tape, generic, inputs), Gradient(tape, fast, inputs));
                    for (var i = 0; i < inputs; i++) SameBits(gg[i], gf[i], what + $", partial {i} on a tape");

                    var forward = new ForwardDifferentiation();
                    Scalar da = aVaries ? forward.Make(a, 0.75) : a, db = bVaries ? forward.Make(b, -1.25) : b;
                    var fastDual = Fast(name, da, db);
                    var genericDual = forward.Apply(p, da, db);
                    SameBits(genericDual.Value, fastDual.Value, what + ", value of a dual number");
                    SameBits(forward.Split(genericDual).Tangent.Value, forward.Split(fastDual).Tangent.Value, what + ", tangent");
                }
    }

    [Fact]
    public void Fast_lanes_take_first_order_operands_and_leave_nested_ones_to_the_interpreters()
    {
        var outer = new ForwardDifferentiation();
        var tape = new Tape();
        var nested = tape.Variable(outer.Make(1.5, 1.0));
        Assert.False(FastLanes.TryApply(Primitives<Scalar>.Sin, nested, out _));
        Assert.False(tape.IsFirstOrder);
        var plain = new Tape().Variable(1.5);
        Assert.True(FastLanes.TryApply(Primitives<Scalar>.Sin, plain, out var y));
        Assert.Equal(Math.Sin(1.5), y.Value);
    }
}
