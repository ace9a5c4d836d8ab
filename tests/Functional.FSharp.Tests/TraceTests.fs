module Functional.FSharp.Tests.TraceTests

open System
open Xunit
open FsCheck
open FsCheck.Xunit
open Functional
open Functional.FSharp

let private close (expected: float) (actual: float) =
    Assert.True(abs (expected - actual) <= 1e-11 * Math.Max(1.0, abs expected), $"expected {expected:R}, got {actual:R}")

let private seed (x: Scalar[]) = x.[0] * x.[1] + exp (x.[0] * x.[1]) - sin x.[1]

let private piecewise (x: Scalar[]) = if x.[0] > Scalar.op_Implicit 0.0 then x.[0] * x.[1] else sin x.[0]

[<Fact>]
let ``trace replays the seed gradient and Hessian`` () =
    let t = trace seed [| 1.0; 2.0 |]
    let value, g = Traced.valueAndGrad t [| 1.0; 2.0 |]
    close 8.479758672104970 value
    close 16.7781121978613 g.[0]
    close 8.805202935477793 g.[1]
    let h = Traced.hessian (t.Compile()) [| 1.0; 2.0 |]
    let expected = scalars [| 1.0; 2.0 |] |> hessian seed |> floats2D
    for i in 0 .. 1 do
        for k in 0 .. 1 do close expected.[i, k] h.[i, k]

[<Fact>]
let ``trace retraces a flipped branch, traceStrict names it`` () =
    let t = trace piecewise [| 1.0; 2.0 |]
    close (cos -0.5) (Traced.grad t [| -0.5; 2.0 |]).[0]
    Assert.Equal(1, t.Retraces)
    let strict = traceStrict piecewise [| 1.0; 2.0 |]
    let error = Assert.Throws<InvalidOperationException>(fun () -> Traced.value strict [| -0.5; 2.0 |] |> ignore)
    Assert.Contains("x[0] > 0", error.Message)

[<Property(MaxTest = 50)>]
let ``a traced gradient and Hvp equal grad and hvp at any point`` (a: NormalFloat) (b: NormalFloat) =
    let x = [| tanh a.Get; tanh b.Get |]
    let t = trace seed [| 0.3; 0.4 |]
    let expected = scalars x |> grad seed |> floats
    let actual = Traced.grad t x
    Array.iter2 close expected actual
    let v = [| 0.5; -1.0 |]
    Array.iter2 close (hvp seed (scalars x) (scalars v) |> floats) (Traced.hvp t x v)
