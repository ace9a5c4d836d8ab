namespace Functional.FSharp

open System
open System.ComponentModel
open Functional

/// <summary>Overloads that let the scalar combinators take a <c>float</c> or a <c>Scalar</c>
/// (<c>diff sin 0.5</c>, <c>diff sin x</c>) with no implicit conversion, hence no warning FS3391.
/// Used through inline functions; call the combinators, not this type.</summary>
[<AbstractClass; Sealed; EditorBrowsable(EditorBrowsableState.Never)>]
type ScalarArgument =
    /// <summary>A float as a constant Scalar.</summary>
    static member inline Of(_: ScalarArgument, x: float) : Scalar = Scalar.Constant x
    /// <summary>A Scalar as it is.</summary>
    static member inline Of(_: ScalarArgument, x: Scalar) : Scalar = x
    /// <summary>The point when nothing fixes its type at compile time: a value <c>let d = diff sin</c>
    /// that its own file never applies becomes <c>obj -&gt; Scalar</c> (F#'s default) and still takes a
    /// Scalar, a float or an int.</summary>
    /// <exception cref="T:System.ArgumentException">x is of another type.</exception>
    static member Of(_: ScalarArgument, x: obj) : Scalar =
        match x with
        | :? Scalar as s -> s
        | :? float as v -> Scalar.Constant v
        | :? int as n -> Scalar.Constant(float n)
        | null -> invalidArg "x" "the point is null: give a float or a Scalar"
        | _ -> invalidArg "x" $"the point is a {x.GetType().Name}: give a float or a Scalar"

/// <summary>
/// The differentiation combinators over F# functions of <see cref="T:Functional.Scalar"/>, brought into
/// scope by <c>open Functional.FSharp</c>. Each takes a function and returns a function, so they compose
/// (<c>diffn 3 sin</c>, <c>grad (grad f &gt;&gt; Array.sum)</c>, <c>hessian = jacfwd (grad f)</c>) and read
/// well in pipelines (<c>x |&gt; grad f</c>). Every call of a returned function is a fresh differentiation
/// with its own perturbation tag, so nesting is always correct.
/// </summary>
/// <remarks>
/// Arithmetic: <c>Scalar</c> mixes with <c>float</c> on either side (<c>2.0 * x</c>, <c>x + 1.0</c>,
/// <c>x ** 2.0</c>, <c>x ** y</c>). F# looks up <c>**</c> on the left operand's type, so a float base needs
/// <c>2.0 **. x</c> (defined here) or <c>Scalar.Pow(2.0, x)</c>. F#'s <c>sin cos tan asin acos atan atan2
/// sinh cosh tanh exp log sqrt abs float</c> work on Scalar directly; <c>max</c> and <c>min</c> are
/// shadowed here so ties split the derivative evenly (they still work on the .NET numeric types; use
/// <c>Operators.max</c> for strings, tuples and records);
/// <c>sigmoid softplus relu log1p expm1 erf cbrt xlogy</c> are added. <c>sign</c> is F#'s (integer-valued, needs
/// an instance member) and does not apply to Scalar: write <c>Scalar.Sign x</c>.
/// Integer exponents: <c>x ** 3</c> (Scalar.Pow with an int) or <c>pown x 3</c> (repeated products, any int,
/// negative too); <c>x ** 3.0</c> for a float exponent.
/// <para>Values: <c>scalar 0.5</c> is one constant Scalar; <c>diff</c>, <c>diff2</c> and <c>diffn</c> take a
/// float or a Scalar (<c>diff sin 0.5</c>). A plain F# function over Scalar applied to a float (<c>f 0.5</c>)
/// converts implicitly with warning FS3391: write <c>f (scalar 0.5)</c>. Read a number out of a Scalar with
/// <c>x.Value</c> (an intentional read that drops the derivative). <c>float x</c> calls Scalar's explicit
/// conversion, which throws <c>InvalidOperationException</c> on a value that carries derivative
/// information of a differentiation still running, instead of silently zeroing the gradient: inside a
/// differentiated function use <c>x.Value</c> to read the value or <c>AD.StopGradient x</c> for a constant;
/// on results (after the combinator returned) <c>float</c> works.</para>
/// </remarks>
[<AutoOpen>]
module Combinators =

    // ---- conversions --------------------------------------------------------------------------

    /// <summary>One float as a constant <c>Scalar</c>: <c>f (scalar 0.5)</c> (no implicit conversion, so
    /// no warning FS3391).</summary>
    let scalar (value: float) : Scalar = Scalar.Constant value

    /// <summary>A float or a Scalar as a Scalar (what <c>diff</c> does with its argument).</summary>
    [<EditorBrowsable(EditorBrowsableState.Never)>]
    let inline scalarArgument (witness: ^W) (x: ^X) : Scalar =
        ((^W or ^X): (static member Of: ^W * ^X -> Scalar) (witness, x))

    /// <summary>Plain floats as constant <c>Scalar</c>s: <c>scalars [| 1.0; 2.0 |]</c>.</summary>
    let scalars (values: float[]) : Scalar[] = Array.map Scalar.op_Implicit values

    /// <summary>The primal values of a <c>Scalar</c> array (derivative information dropped).</summary>
    let floats (values: Scalar[]) : float[] = values.ToDoubles()

    /// <summary>The primal values of a <c>Scalar</c> matrix (Jacobian, Hessian) as a <c>float[,]</c>.</summary>
    let floats2D (values: Scalar[,]) : float[,] = values.ToDoubles()

    // ---- arithmetic helpers -------------------------------------------------------------------

    /// <summary><c>a ** b</c> for a float base and a Scalar exponent (<c>2.0 **. x</c> = 2^x).
    /// F#'s <c>**</c> looks <c>Pow</c> up on the base's type, which for <c>float</c> cannot take a Scalar.</summary>
    let inline ( **. ) (a: float) (b: Scalar) : Scalar = Scalar.Pow(Scalar.op_Implicit a, b)

    /// <summary>The larger argument, through the type's static <c>Max</c>: on <c>Scalar</c> that is
    /// <c>Scalar.Max</c> (at a tie each argument gets half the derivative, as in JAX and PyTorch); on
    /// <c>float</c>, <c>int</c>, <c>decimal</c> and the other .NET numeric types it is their own <c>Max</c>.
    /// Types without a static <c>Max</c> (strings, tuples, records) need F#'s <c>Operators.max</c>.</summary>
    let inline max (a: ^T) (b: ^T) : ^T =
        (^T: (static member Max: ^T * ^T -> ^T) (a, b))

    /// <summary>The smaller argument, through the type's static <c>Min</c> (<c>Scalar.Min</c> splits the
    /// derivative evenly at a tie); for types without one use F#'s <c>Operators.min</c>.</summary>
    let inline min (a: ^T) (b: ^T) : ^T =
        (^T: (static member Min: ^T * ^T -> ^T) (a, b))

    /// <summary>The logistic function 1 / (1 + e^−x).</summary>
    let sigmoid (x: Scalar) : Scalar = Scalar.Sigmoid x

    /// <summary>log(1 + e^x).</summary>
    let softplus (x: Scalar) : Scalar = Scalar.Softplus x

    /// <summary>max(x, 0), with derivative 0 at 0.</summary>
    let relu (x: Scalar) : Scalar = Scalar.Relu x

    /// <summary>log(1 + x), accurate near 0.</summary>
    let log1p (x: Scalar) : Scalar = Scalar.Log1p x

    /// <summary>e^x − 1, accurate near 0.</summary>
    let expm1 (x: Scalar) : Scalar = Scalar.Expm1 x

    /// <summary>The error function erf x.</summary>
    let erf (x: Scalar) : Scalar = Scalar.Erf x

    /// <summary>The real cube root (negative for negative x).</summary>
    let cbrt (x: Scalar) : Scalar = Scalar.Cbrt x

    /// <summary>x·log y, and 0 where x = 0.</summary>
    let xlogy (x: Scalar) (y: Scalar) : Scalar = Scalar.Xlogy(x, y)

    // ---- combinators --------------------------------------------------------------------------

    /// <summary>The <paramref name="order"/>-th derivative of f at x (what <c>diff</c> and <c>diffn</c> call).
    /// Not inline: the differentiation closure is called here, in a plain call. Inlined into a caller built
    /// with tail calls, it would be a helper-based tail call (a Scalar is passed on the stack), which
    /// crashes .NET 10 under tiered PGO.</summary>
    [<EditorBrowsable(EditorBrowsableState.Never)>]
    let derivativeAt (order: int) (f: Scalar -> Scalar) (x: Scalar) : Scalar =
        AD.Derivative(Func<Scalar, Scalar> f, order).Invoke x

    /// <summary>f′ by forward mode: <c>diff sin</c> is cos. The point may be a float or a Scalar
    /// (<c>diff sin 0.5</c>, <c>diff sin x</c>); <c>diff f</c> passed on where a <c>Scalar -&gt; Scalar</c>
    /// is expected (<c>diff (diff f)</c>) takes a Scalar.</summary>
    let inline diff (f: Scalar -> Scalar) (x: ^X) : Scalar =
        derivativeAt 1 f (scalarArgument Unchecked.defaultof<ScalarArgument> x)

    /// <summary>The <paramref name="n"/>-th derivative by nested forward mode (<c>diffn 0 f</c> is f);
    /// the point may be a float or a Scalar.</summary>
    /// <exception cref="T:System.ArgumentOutOfRangeException">n is negative.</exception>
    let inline diffn (n: int) (f: Scalar -> Scalar) (x: ^X) : Scalar =
        derivativeAt n f (scalarArgument Unchecked.defaultof<ScalarArgument> x)

    /// <summary>f″ by nested forward mode; the point may be a float or a Scalar.</summary>
    let inline diff2 (f: Scalar -> Scalar) (x: ^X) : Scalar = diffn 2 f x

    /// <summary>∇f by reverse mode (one forward pass and one backward sweep).</summary>
    let grad (f: Scalar[] -> Scalar) : Scalar[] -> Scalar[] =
        let g = AD.Grad(Func<Scalar[], Scalar> f)
        fun x -> g.Invoke x

    /// <summary>f(x) and ∇f(x) from a single reverse pass.</summary>
    let valueAndGrad (f: Scalar[] -> Scalar) : Scalar[] -> Scalar * Scalar[] =
        let g = AD.ValueAndGrad(Func<Scalar[], Scalar> f)
        fun x ->
            let struct (value, gradient) = g.Invoke x
            value, gradient

    /// <summary>Jacobian-vector product by forward mode: <c>jvp f x v</c> = (f x, J(x)·v).</summary>
    /// <exception cref="T:System.ArgumentException">v and x differ in length.</exception>
    let jvp (f: Scalar[] -> Scalar[]) : Scalar[] -> Scalar[] -> Scalar[] * Scalar[] =
        let j = AD.Jvp(Func<Scalar[], Scalar[]> f)
        fun x v ->
            let struct (value, tangent) = j.Invoke(x, v)
            value, tangent

    /// <summary>Vector-Jacobian product by reverse mode: <c>vjp f x</c> = (f x, pullback) with
    /// <c>pullback u</c> = uᵀ·J(x); the pullback may be called many times.</summary>
    let vjp (f: Scalar[] -> Scalar[]) : Scalar[] -> Scalar[] * (Scalar[] -> Scalar[]) =
        let j = AD.Vjp(Func<Scalar[], Scalar[]> f)
        fun x ->
            let struct (value, pullback) = j.Invoke x
            value, (fun u -> pullback.Invoke u)

    /// <summary>The Jacobian by forward mode (one pass per input).</summary>
    let jacfwd (f: Scalar[] -> Scalar[]) : Scalar[] -> Scalar[,] =
        let j = AD.JacFwd(Func<Scalar[], Scalar[]> f)
        fun x -> j.Invoke x

    /// <summary>The Jacobian by reverse mode (one backward sweep per output).</summary>
    let jacrev (f: Scalar[] -> Scalar[]) : Scalar[] -> Scalar[,] =
        let j = AD.JacRev(Func<Scalar[], Scalar[]> f)
        fun x -> j.Invoke x

    /// <summary>The Jacobian by whichever mode is cheaper for its shape.</summary>
    let jacobian (f: Scalar[] -> Scalar[]) : Scalar[] -> Scalar[,] =
        let j = AD.Jacobian(Func<Scalar[], Scalar[]> f)
        fun x -> j.Invoke x

    /// <summary>The Hessian, forward-over-reverse (<c>jacfwd (grad f)</c>).</summary>
    let hessian (f: Scalar[] -> Scalar) : Scalar[] -> Scalar[,] =
        let h = AD.Hessian(Func<Scalar[], Scalar> f)
        fun x -> h.Invoke x

    /// <summary>Hessian-vector product H(x)·v without forming H: <c>hvp f x v</c>.</summary>
    /// <exception cref="T:System.ArgumentException">v and x differ in length.</exception>
    let hvp (f: Scalar[] -> Scalar) : Scalar[] -> Scalar[] -> Scalar[] =
        let h = AD.Hvp(Func<Scalar[], Scalar> f)
        fun x v -> h.Invoke(x, v)
