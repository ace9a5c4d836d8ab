// Gradient descent and Newton's method on Rosenbrock, and a symbolic pipeline, with Functional from F#.
open Functional
open Functional.FSharp

/// Rosenbrock's banana: minimum 0 at (1, 1).
let rosenbrock (v: Scalar[]) = (1.0 - v.[0]) ** 2.0 + 100.0 * (v.[1] - v.[0] ** 2.0) ** 2.0

// ---- gradient descent with grad ----------------------------------------------------------------
let descend (rate: float) (steps: int) (start: float[]) =
    let gradient = grad rosenbrock
    (start, [ 1..steps ]) ||> List.fold (fun x _ ->
        let g = x |> scalars |> gradient |> floats
        Array.map2 (fun xi gi -> xi - rate * gi) x g)

let xd = descend 0.001 20000 [| -1.2; 1.0 |]
printfn "gradient descent (20000 steps, rate 0.001) from (-1.2, 1): x = (%.6f, %.6f), f = %.3e" xd.[0] xd.[1] (float (rosenbrock (scalars xd)))

// ---- Newton's method with grad and hessian (2×2 solve) -----------------------------------------
let newton (steps: int) (start: float[]) =
    let gradient, hess = grad rosenbrock, hessian rosenbrock
    (start, [ 1..steps ]) ||> List.fold (fun x _ ->
        let g = x |> scalars |> gradient |> floats
        let h = x |> scalars |> hess |> floats2D
        let det = h.[0, 0] * h.[1, 1] - h.[0, 1] * h.[1, 0]
        let dx = (h.[1, 1] * g.[0] - h.[0, 1] * g.[1]) / det
        let dy = (h.[0, 0] * g.[1] - h.[1, 0] * g.[0]) / det
        [| x.[0] - dx; x.[1] - dy |])

for steps in [ 1; 2; 4; 6 ] do
    let x = newton steps [| -1.2; 1.0 |]
    printfn "Newton, %d step(s) from (-1.2, 1): x = (%.12f, %.12f), f = %.3e" steps x.[0] x.[1] (float (rosenbrock (scalars x)))

// ---- the symbolic pipeline ---------------------------------------------------------------------
let derivative = "x^3 + sin(x)" |> Sym.parse |> Sym.diff "x" |> Sym.simplify
printfn "d/dx (x^3 + sin(x)) = %O" derivative
printfn "  at x = 2: %.15g (forward mode: %.15g)" (Sym.eval (Map [ "x", 2.0 ]) derivative) (float (diff (fun x -> x ** 3.0 + sin x) (Scalar.op_Implicit 2.0)))
let q = Sym.ofQuotation <@ fun x y -> x * sin y + exp (x * y) @>
printfn "Sym.ofQuotation <@ fun x y -> x * sin y + exp (x * y) @> = %O;  d/dy = %O" q (q |> Sym.diff "y" |> Sym.simplify)
printfn "diffn 3 sin at 0.5 = %.15g (-cos 0.5 = %.15g)" (float (diffn 3 sin (Scalar.op_Implicit 0.5))) (-cos 0.5)
