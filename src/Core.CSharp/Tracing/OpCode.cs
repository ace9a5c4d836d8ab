namespace Functional.Tracing;

/// <summary>The instruction set of a traced program. The arithmetic operators and the most common
/// functions have their own codes (their values and partial derivatives are written out on doubles);
/// every other table entry is <see cref="Unary"/> or <see cref="Binary"/>, which call its rule.</summary>
internal enum OpCode : byte
{
    Add, Subtract, Multiply, Divide, Negate,
    Exp, Log, Sin, Cos, Sqrt, Tanh,
    Unary, Binary,
}

internal static class OpCodes
{
    /// <summary>The code of a one-argument table entry.</summary>
    public static OpCode Of(UnaryPrimitive<Scalar> primitive) => primitive.Name switch
    {
        "neg" => OpCode.Negate,
        "exp" => OpCode.Exp,
        "log" => OpCode.Log,
        "sin" => OpCode.Sin,
        "cos" => OpCode.Cos,
        "sqrt" => OpCode.Sqrt,
        "tanh" => OpCode.Tanh,
        _ => OpCode.Unary,
    };

    /// <summary>The code of a two-argument table entry.</summary>
    public static OpCode Of(BinaryPrimitive<Scalar> primitive) => primitive.Name switch
    {
        "+" => OpCode.Add,
        "-" => OpCode.Subtract,
        "*" => OpCode.Multiply,
        "/" => OpCode.Divide,
        _ => OpCode.Binary,
    };

    public static bool IsBinary(this OpCode code) =>
        code is OpCode.Add or OpCode.Subtract or OpCode.Multiply or OpCode.Divide or OpCode.Binary;

    public static bool IsCommutative(this OpCode code) => code is OpCode.Add or OpCode.Multiply;
}
