module Functional.FSharp.Tests.BeyondTests

open System
open Xunit
open Functional
open Functional.FSharp

let private relative (expected: float) (actual: float) =
    Assert.True(abs (expected - actual) <= 1e-13 * abs expected, $"expected {expected:R}, got {actual:R}")

let private shift (x: Scalar) (g: Scalar -> Scalar) (y: Scalar) = g (x + y)

[<Fact>]
let ``diffFn of shift gives e^8, applied to itself e^11, at 0 twice e`` () =
    let d = diffFn shift (Scalar.op_Implicit 3.0)
    relative 2980.9579870417283 (float (d exp (Scalar.op_Implicit 5.0)))
    relative 59874.14171519782 (float (d (d exp) (Scalar.op_Implicit 5.0)))
    let d0 = diffFn shift (Scalar.op_Implicit 0.0)
    relative Math.E (float (d0 (d0 exp) (Scalar.op_Implicit 1.0)))

[<Fact>]
let ``diffFn nests inside grad and diff`` () =
    let d = diffFn shift (Scalar.op_Implicit 3.0)
    relative (exp 11.0) (float (diff (fun y -> d (d exp) y) (Scalar.op_Implicit 5.0)))
    relative (exp 8.0) (float ((grad (fun (v: Scalar[]) -> diffFn shift v.[0] exp (Scalar.op_Implicit 5.0)) (scalars [| 3.0 |])).[0]))

[<Fact>]
let ``taylor of exp at 0 is 1/k! and agrees with diffn`` () =
    let c = taylor exp 0.0 12
    let mutable factorial = 1.0
    for k in 0 .. 12 do
        if k > 0 then factorial <- factorial * float k
        relative (1.0 / factorial) c.[k]
    let f (x: Scalar) = sin (exp x) * x
    let c = taylor f 0.4 6
    for k in 0 .. 6 do
        let kFactorial = Seq.fold (*) 1.0 [ 1.0 .. float k ]
        Assert.Equal(float (diffn k f (Scalar.op_Implicit 0.4)), c.[k] * kFactorial, 10)
