module Functional.FSharp.Tests.ReadmeSnippetsVec

// README.md's "Vectors and training" F# block, verbatim, with the values it assumes (target, w,
// logits); the test checks what it computes against the same computation in scalar loops.

open Functional.FSharp

let target = scalars [| 0.2; 0.3; 0.5 |]
let w = array2D [ [ 0.5; -0.2; 0.1 ]; [ 0.3; 0.8; -0.5 ]; [ -0.7; 0.2; 0.4 ] ]
let logits = scalars [| 1.0; -0.5; 2.0; 0.3 |]

open Functional
open Functional.FSharp

let divergence (target: Scalar[]) (w: float[,]) (x: Scalar[]) =
    x |> Vec.matVecConst w |> Vec.map tanh |> Vec.softmax |> Vec.kl target
let g = scalars [| 0.4; -0.9; 1.3 |] |> grad (divergence target w) |> floats
let ce = logits |> Vec.crossEntropy 2                       // gradient: softmax − one-hot

// ---- checks --------------------------------------------------------------------------------

open Xunit

let private byLoops (x: Scalar[]) =
    let h = Array.init 3 (fun i -> tanh (Array.fold (+) (Scalar.op_Implicit 0.0) (Array.init 3 (fun j -> w.[i, j] * x.[j]))))
    let total = h |> Array.map exp |> Array.fold (+) (Scalar.op_Implicit 0.0)
    Array.init 3 (fun i -> target.[i] * log (target.[i] / (exp h.[i] / total))) |> Array.fold (+) (Scalar.op_Implicit 0.0)

[<Fact>]
let ``the vectors block equals scalar loops`` () =
    let expected = scalars [| 0.4; -0.9; 1.3 |] |> grad byLoops |> floats
    for i in 0 .. 2 do Assert.Equal(expected.[i], g.[i], 12)
    let softmax = logits |> Array.map (fun z -> exp z.Value) |> fun e -> e |> Array.map (fun v -> v / Array.sum e)
    let ceGrad = logits |> grad (Vec.crossEntropy 2) |> floats
    for i in 0 .. 3 do Assert.Equal(softmax.[i] - (if i = 2 then 1.0 else 0.0), ceGrad.[i], 12)
    Assert.Equal(-log softmax.[2], ce.Value, 12)
