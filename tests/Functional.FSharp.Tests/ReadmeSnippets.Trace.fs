module Functional.FSharp.Tests.ReadmeSnippetsTrace

// README.md's "Tracing and compiling" F# block, verbatim; the test checks what it computes against
// the dynamic combinators.

open Functional

open Functional.FSharp

let t = trace (fun x -> x.[0] * x.[1] + exp (x.[0] * x.[1]) - sin x.[1]) [| 1.0; 2.0 |]
let value, g = Traced.valueAndGrad t [| 0.5; 0.3 |]
let h = Traced.hessian (t.Compile()) [| 0.5; 0.3 |]
let strict = traceStrict (fun x -> if x.[0] > Scalar.op_Implicit 0.0 then x.[0] else -x.[0]) [| 1.0 |]
// Traced.value strict [| -1.0 |] throws: the comparison x[0] > 0 flipped

// ---- checks --------------------------------------------------------------------------------

open System
open Xunit

[<Fact>]
let ``the tracing block equals the dynamic combinators`` () =
    let f (x: Scalar[]) = x.[0] * x.[1] + exp (x.[0] * x.[1]) - sin x.[1]
    let expectedValue, expectedGradient = valueAndGrad f (scalars [| 0.5; 0.3 |])
    Assert.Equal(expectedValue.Value, value, 13)
    Array.iteri (fun i (e: Scalar) -> Assert.Equal(e.Value, g.[i], 13)) expectedGradient
    let expectedHessian = hessian f (scalars [| 0.5; 0.3 |]) |> floats2D
    for i in 0 .. 1 do
        for j in 0 .. 1 do Assert.Equal(expectedHessian.[i, j], h.[i, j], 12)
    Assert.Equal(2.0, Traced.value strict [| 2.0 |])
    Assert.Throws<InvalidOperationException>(fun () -> Traced.value strict [| -1.0 |] |> ignore) |> ignore
