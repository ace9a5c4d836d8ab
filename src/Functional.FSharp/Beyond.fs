namespace Functional.FSharp

open System
open Functional

/// <summary>
/// Beyond first-order combinators: Taylor mode (<c>taylor</c>) and the derivative of a function whose
/// result is a function (<c>diffFn</c>), over F# functions; opened with <c>open Functional.FSharp</c>.
/// </summary>
[<AutoOpen>]
module Beyond =

    /// <summary>The Taylor coefficients c₀ … c_order of f at x (c_j = f⁽ʲ⁾(x)/j!) by truncated Taylor
    /// arithmetic, O(order²) per operation: <c>taylor exp 0.0 3</c> is <c>[| 1.0; 1.0; 0.5; 1/6 |]</c>.</summary>
    let taylor (f: Scalar -> Scalar) (x: float) (order: int) : float[] =
        AD.Taylor(Func<Scalar, Scalar> f, x, order)

    /// <summary>The derivative in x of f x g y for a function-valued f (Manzyuk et al. 2019), with a fresh
    /// perturbation per application: with <c>shift x g y = g (x + y)</c>, <c>diffFn shift 3.0 exp 5.0</c> is e⁸
    /// and <c>let d = diffFn shift 3.0 in d (d exp) 5.0</c> is e¹¹.</summary>
    let diffFn (f: Scalar -> (Scalar -> Scalar) -> Scalar -> Scalar) : Scalar -> (Scalar -> Scalar) -> Scalar -> Scalar =
        let lifted =
            Func<Scalar, Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>>(fun x ->
                Func<Func<Scalar, Scalar>, Func<Scalar, Scalar>>(fun g -> Func<Scalar, Scalar>(f x g.Invoke)))
        let d = AD.Derivative lifted
        fun x g ->
            let applied = d.Invoke(x).Invoke(Func<Scalar, Scalar> g)
            fun y -> applied.Invoke y
