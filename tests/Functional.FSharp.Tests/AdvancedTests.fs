module Functional.FSharp.Tests.AdvancedTests

open System
open Xunit
open Functional
open Functional.FSharp

let private close (expected: float) (actual: float) =
    Assert.True(abs (expected - actual) <= 1e-12 * Math.Max(1.0, abs expected), $"expected {expected:R}, got {actual:R}")

let private s (x: float) = Scalar.op_Implicit x

let private stableSoftplus =
    customDerivative (fun x -> if x > s 0.0 then x + log1p (exp -x) else log1p (exp x)) sigmoid

let private logistic x = 1.0 / (1.0 + exp -x)

[<Fact>]
let ``stopGradient is a constant at every level`` () =
    close 4.0 (float (diff (fun x -> x * stopGradient (x * x)) (s 2.0)))
    close 0.0 (float (diff (fun a -> diff (fun x -> x * stopGradient (a * x)) (s 2.0)) (s 3.0)))

[<Fact>]
let ``customDerivative: stable softplus, its derivative and second derivative`` () =
    close 100.0 (float (stableSoftplus (s 100.0)))
    close 1.0 (float (diff stableSoftplus (s 1000.0)))
    close (logistic 0.3) (float ((grad (fun v -> stableSoftplus v.[0])) [| s 0.3 |]).[0])
    close (logistic 0.3 * (1.0 - logistic 0.3)) (float (diff2 stableSoftplus (s 0.3)))

[<Fact>]
let ``customJvp serves forward and reverse mode from one rule`` () =
    let f (x: Scalar[]) = [| x.[0] * x.[1]; sin x.[0] |]
    let rule (x: Scalar[]) (v: Scalar[]) = [| x.[1] * v.[0] + x.[0] * v.[1]; cos x.[0] * v.[0] |]
    let g = customJvp f rule
    let expected = array2D [ [ 2.0; 1.5 ]; [ cos 1.5; 0.0 ] ]
    let forward = jacfwd g (scalars [| 1.5; 2.0 |]) |> floats2D
    let reverse = jacrev g (scalars [| 1.5; 2.0 |]) |> floats2D
    for i in 0 .. 1 do
        for j in 0 .. 1 do
            close expected.[i, j] forward.[i, j]
            close expected.[i, j] reverse.[i, j]
    let short = customJvp f (fun _ v -> [| v.[0] |])
    Assert.Throws<ArgumentException>(fun () -> jacrev short (scalars [| 1.5; 2.0 |]) |> ignore) |> ignore

[<Fact>]
let ``customVjp clips the gradient and refuses forward mode`` () =
    let clip = customVjp id (fun _ u -> u |> Array.map (fun g -> max (s -1.0) (min (s 1.0) g)))
    let loss (w: Scalar[]) = let v = clip w in 50.0 * v.[0] * v.[0]
    close 1.0 (float (grad loss (scalars [| 3.0 |])).[0])
    let error = Assert.Throws<InvalidOperationException>(fun () -> jacfwd clip (scalars [| 3.0 |]) |> ignore)
    Assert.Contains("no JVP rule", error.Message)

[<Fact>]
let ``checkpoint gives the plain gradient bit for bit`` () =
    let steps (p: Scalar[]) =
        let mutable x = p.[0]
        for _ in 1 .. 100 do x <- x + 0.01 * sin (p.[1] * x)
        [| x |]
    let segment = checkpoint steps
    let loss segmentFn (p: Scalar[]) =
        let mutable x = p.[0]
        for _ in 1 .. 20 do x <- (segmentFn [| x; p.[1] |] : Scalar[]).[0]
        x * x
    let plain = grad (loss steps) (scalars [| 0.4; 1.3 |]) |> floats
    let checkpointed = grad (loss segment) (scalars [| 0.4; 1.3 |]) |> floats
    Assert.Equal<int64[]>(Array.map BitConverter.DoubleToInt64Bits plain, Array.map BitConverter.DoubleToInt64Bits checkpointed)

[<Fact>]
let ``implicit and fixedPoint differentiate sqrt by the implicit function theorem`` () =
    let root = implicit (fun t -> [| Math.Sqrt t.[0] |]) (fun x t -> [| x.[0] * x.[0] - t.[0] |])
    let sqrtOf t = (root [| t |]).[0]
    close (1.0 / 6.0) (float (diff sqrtOf (s 9.0)))
    close (-1.0 / 108.0) (float (diff2 sqrtOf (s 9.0)))
    let babylonian = fixedPoint (fun x t -> [| 0.5 * (x.[0] + t.[0] / x.[0]) |]) [| 1.0 |]
    close 3.0 (float (babylonian (scalars [| 9.0 |])).[0])
    close (1.0 / 6.0) (float (grad (fun t -> (babylonian t).[0]) (scalars [| 9.0 |])).[0])
    let stuck = fixedPointWith 1e-12 50 (fun x t -> [| x.[0] + t.[0] |]) [| 0.0 |]
    Assert.Throws<InvalidOperationException>(fun () -> stuck (scalars [| 1.0 |]) |> ignore) |> ignore
