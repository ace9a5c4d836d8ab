module Functional.FSharp.Tests.VecTests

open System
open Xunit
open Functional
open Functional.FSharp

let private close (expected: float) (actual: float) =
    Assert.True(abs (expected - actual) <= 1e-12 * Math.Max(1.0, abs expected), $"expected {expected:R}, got {actual:R}")

[<Fact>]
let ``a layer in a pipeline has the gradient of the same computation as scalar loops`` () =
    let w = array2D [ [ 0.5; -1.0; 0.25 ]; [ 1.5; 0.2; -0.7 ] ]
    let piped (x: Scalar[]) = x |> Vec.matVecConst w |> Vec.map tanh |> Vec.softmax |> Vec.kl (scalars [| 0.3; 0.7 |])
    let looped (x: Scalar[]) =
        let z = Array.init 2 (fun i -> tanh (Array.fold (+) (Scalar.op_Implicit 0.0) (Array.init 3 (fun j -> w.[i, j] * x.[j]))))
        let e = Array.map exp z
        let total = Array.sum e
        let q = Array.map (fun v -> v / total) e
        Scalar.op_Implicit 0.3 * log (Scalar.op_Implicit 0.3 / q.[0]) + Scalar.op_Implicit 0.7 * log (Scalar.op_Implicit 0.7 / q.[1])
    let x = scalars [| 0.4; -0.9; 1.3 |]
    close (float (looped x)) (float (piped x))
    let g1 = x |> grad piped |> floats
    let g2 = x |> grad looped |> floats
    Array.iter2 close g2 g1
    Assert.Contains(g1, fun v -> abs v > 1e-3)

[<Fact>]
let ``crossEntropy pipes and its gradient is softmax minus one-hot`` () =
    let z = scalars [| 1.0; -2.0; 0.5 |]
    let g = z |> grad (Vec.crossEntropy 2) |> floats
    let s = z |> Vec.softmax |> floats
    close (s.[0]) g.[0]
    close (s.[2] - 1.0) g.[2]
    close (float (Vec.logSumExp z) - 0.5) (float (z |> Vec.crossEntropy 2))

[<Fact>]
let ``dot, scale, subtract and squaredNorm compose`` () =
    let a = scalars [| 1.0; 2.0; 3.0 |]
    let b = scalars [| -1.0; 0.5; 2.0 |]
    close 6.0 (float (Vec.dot a b))
    close (4.0 + 2.25 + 1.0) (float (a |> Vec.subtract b |> Vec.squaredNorm))
    close 12.0 (float (a |> Vec.scale (Scalar.op_Implicit 2.0) |> Vec.sum))
