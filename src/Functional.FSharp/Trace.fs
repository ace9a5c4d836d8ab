namespace Functional.FSharp

open System
open Functional

/// <summary>
/// Tracing from F#: <c>trace f x</c> records <c>f</c> once at <c>x</c> as a static program that replays
/// value, gradient, Hessian-vector products and Hessians on plain floats (see
/// <see cref="T:Functional.Traced"/> for guards and what a trace cannot see).
/// </summary>
/// <example>
/// <code>
/// let t = trace (fun x -&gt; x.[0] * x.[1] + exp (x.[0] * x.[1]) - sin x.[1]) [| 1.0; 2.0 |]
/// let value, gradient = [| 0.5; 0.3 |] |&gt; Traced.valueAndGrad t
/// let h = Traced.hessian (t.Compile()) [| 0.5; 0.3 |]
/// </code>
/// </example>
[<AutoOpen>]
module Tracing =

    /// <summary>Records <c>f</c> at <c>x</c>; a replay where a comparison flips traces <c>f</c> again there.</summary>
    let trace (f: Scalar[] -> Scalar) (x: float[]) : Traced = AD.Trace(Func<Scalar[], Scalar>(f), x)

    /// <summary>Records <c>f</c> at <c>x</c>; a replay where a comparison flips throws, naming it.</summary>
    let traceStrict (f: Scalar[] -> Scalar) (x: float[]) : Traced = AD.Trace(Func<Scalar[], Scalar>(f), x, true)

    /// <summary>Pipeline-friendly calls on a <see cref="T:Functional.Traced"/> that return fresh arrays
    /// (the members themselves write into buffers you pass and allocate nothing).</summary>
    module Traced =

        /// <summary>f(x).</summary>
        let value (t: Traced) (x: float[]) : float = t.Value(ReadOnlySpan x)

        /// <summary>f(x) and ∇f(x).</summary>
        let valueAndGrad (t: Traced) (x: float[]) : float * float[] =
            let gradient = Array.zeroCreate t.Inputs
            let value = t.ValueAndGrad(ReadOnlySpan x, Span gradient)
            value, gradient

        /// <summary>∇f(x).</summary>
        let grad (t: Traced) (x: float[]) : float[] = snd (valueAndGrad t x)

        /// <summary>H(x)·v.</summary>
        let hvp (t: Traced) (x: float[]) (v: float[]) : float[] =
            let result = Array.zeroCreate t.Inputs
            t.Hvp(ReadOnlySpan x, ReadOnlySpan v, Span result)
            result

        /// <summary>The Hessian H(x).</summary>
        let hessian (t: Traced) (x: float[]) : float[,] =
            let result = Array2D.zeroCreate t.Inputs t.Inputs
            t.Hessian(ReadOnlySpan x, result)
            result
