module Functional.FSharp.Tests.ReadmeSnippetsAdvanced

// README.md's "Advanced AD" F# block, verbatim, with the one definition it assumes (steps); the tests
// check what it computes.

open Functional

let steps (s: Scalar[]) = [| s.[0] + 0.01 * sin s.[0] * s.[1]; s.[1] |]

open Functional.FSharp

let softplus = customDerivative (fun x -> if x > Scalar.op_Implicit 0.0 then x + log1p (exp -x) else log1p (exp x)) sigmoid
let clip = customVjp id (fun _ u -> u |> Array.map (fun g -> max (Scalar.op_Implicit -1.0) (min (Scalar.op_Implicit 1.0) g)))
let root = implicit (fun t -> [| sqrt t.[0] |]) (fun x t -> [| x.[0] * x.[0] - t.[0] |])
let babylonian = fixedPoint (fun x t -> [| 0.5 * (x.[0] + t.[0] / x.[0]) |]) [| 1.0 |]
let segment = checkpoint steps          // also: stopGradient, customJvp, fixedPointWith tolerance maxIterations

// ---- checks --------------------------------------------------------------------------------

open Xunit

[<Fact>]
let ``the advanced block computes what the README says`` () =
    let sigma (x: float) = 1.0 / (1.0 + exp -x)
    Assert.Equal(100.0, (softplus (scalar 100.0)).Value, 12)
    Assert.Equal(sigma 100.0, (diff softplus 100.0).Value, 15)
    Assert.Equal(1.0, (diff softplus -100.0).Value / sigma -100.0, 12)   // ≈ 3.7e-44, relative
    Assert.Equal<float[]>([| 1.0; -1.0 |], scalars [| 0.3; 0.2 |] |> grad (fun v -> let y = clip v in 5.0 * y.[0] - 3.0 * y.[1]) |> floats)
    Assert.Equal(1.0 / (2.0 * sqrt 2.0), (scalars [| 2.0 |] |> grad (fun t -> (root t).[0])).[0].Value, 12)
    Assert.Equal(1.0 / (2.0 * sqrt 3.0), (scalars [| 3.0 |] |> grad (fun t -> (babylonian t).[0])).[0].Value, 10)
    let plain = scalars [| 0.4; 1.5 |] |> grad (fun s -> (steps (steps s)).[0])
    let checkpointed = scalars [| 0.4; 1.5 |] |> grad (fun s -> (segment (segment s)).[0])
    Assert.Equal<float[]>(floats plain, floats checkpointed)
