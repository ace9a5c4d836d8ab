module Functional.FSharp.Tests.FourWayProperties

open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open System
open Functional.Numeric
open Functional
open Functional.FSharp
open Functional.FSharp.Testing

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``gradient: forward = reverse = symbolic ≈ numeric on expressions of 1-4 variables`` (case: ExpressionCase) =
    Properties.fourWaysAgree case

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``Hessian: fwd∘fwd = fwd∘rev = rev∘fwd = rev∘rev = symbolic, and symmetric`` (case: ExpressionCase) =
    Properties.hessianRoutesAgree case

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``jacfwd = jacrev on vector functions`` (case: VectorCase) =
    let x = scalars case.Point
    let values = case.Function x |> floats
    let byRows (m: float[,]) = [| for i in 0 .. Array2D.length1 m - 1 do for j in 0 .. Array2D.length2 m - 1 -> m.[i, j] |]
    let fwd = jacfwd case.Function x |> floats2D
    let rev = jacrev case.Function x |> floats2D
    let auto = jacobian case.Function x |> floats2D
    if Properties.usable (Array.append values (byRows fwd)) then
        Properties.compareRoutes Tolerance.Exact [ "jacfwd", byRows fwd; "jacrev", byRows rev; "jacobian", byRows auto ]
        .&. Properties.withinNumeric "jacfwd" (Properties.numericJacobian case.Function case.Point) (byRows fwd)
    else Properties.discarded ()

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``hvp = Hessian · v`` (case: ExpressionCase) =
  Prop.forAll (Arb.fromGen (Generators.point case.Arity)) (fun v ->
    let x = scalars case.Point
    let h = hessian case.Function x |> floats2D
    let product = Array.init case.Arity (fun i -> Array.sum [| for j in 0 .. case.Arity - 1 -> h.[i, j] * v.[j] |])
    let direct = hvp case.Function x (scalars v) |> floats
    if Properties.usable (Seq.append (Seq.cast<float> h) [ (case.Function x).Value ]) then
        Properties.compareRoutes { Tolerance.Exact with Floor = 1.0 + (Seq.cast<float> h |> Seq.map abs |> Seq.max) * 4.0 }
            [ "Hessian·v", product; "hvp", direct ]
        .&. Properties.withinNumeric "hvp"
                (let norm = Math.Max(sqrt (Array.sumBy (fun a -> a * a) v), 1e-3)
                 Array.init case.Arity (fun i ->
                    // along the unit direction v/|v| with a small first step, then scaled by |v|
                    let along (t: float) = (grad case.Function (Array.map2 (fun xj vj -> Scalar.op_Implicit (xj + t * vj / norm)) case.Point v)).[i].Value
                    let n = FiniteDifference.DerivativeWithError(Func<float, float> along, 0.0, Properties.NumericStep)
                    NumericEstimate(norm * n.Value, norm * n.Error)))
                direct
    else Properties.discarded ())

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``third derivative: diffn 3 = symbolic = nested reverse`` (UnivariateCase case) =
    let f (x: Scalar) = case.Function [| x |]
    let x = Scalar.op_Implicit case.Point.[0]
    let forward = (diffn 3 f x).Value
    let value = (f x).Value
    let reverse = (Properties.diffRev (Properties.diffRev (Properties.diffRev f)) x).Value
    let mixed = (diff (Properties.diffRev (diff f)) x).Value
    let symbolic = case.Expr.Diff("x").Diff("x").Diff("x").Evaluate(Map [ "x", case.Point.[0] ])
    // An intermediate that overflows (sinh of a large argument) makes inf·0 in one evaluation order and
    // 0 in another; such cases say nothing about the rules, so every route must be finite.
    if Properties.usable [ value; forward; reverse; mixed; symbolic ] then
        Properties.compareRoutes Tolerance.Exact
            [ "diffn 3", [| forward |]; "rev∘rev∘rev", [| reverse |]; "fwd∘rev∘fwd", [| mixed |]; "symbolic", [| symbolic |] ]
        .&. Properties.withinNumeric "diffn 3" [| Properties.numericDerivative (diffn 2 f) case.Point.[0] |] [| forward |]
    else Properties.discarded ()

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``no perturbation confusion: d/dx [f(x) · ∂g/∂y(x, y0)] by every nesting = symbolic`` (case: NestedCase) =
    let f = Term.toScalarFunction case.Outer
    let g = Term.toScalarFunction case.Inner
    let innerFwd (x: Scalar) = diff (fun y -> g [| x; y |]) (Scalar.op_Implicit case.Y)
    let innerRev (x: Scalar) = Properties.diffRev (fun y -> g [| x; y |]) (Scalar.op_Implicit case.Y)
    let outer inner (x: Scalar) = f [| x |] * inner x
    let x0 = Scalar.op_Implicit case.X
    let ff = (diff (outer innerFwd) x0).Value
    let fe, ge = Term.toExpr case.Outer, Term.toExpr case.Inner
    let at = Map [ "x", case.X; "y", case.Y ]
    let symbolic =
        fe.Diff("x").Evaluate(at) * ge.Diff("y").Evaluate(at) + fe.Evaluate(at) * ge.Diff("y").Diff("x").Evaluate(at)
    if Properties.usable [ ff; (f [| x0 |]).Value; (g [| x0; Scalar.op_Implicit case.Y |]).Value; (innerFwd x0).Value; fe.Diff("x").Evaluate(at) ] then
        Properties.compareRoutes Tolerance.Exact
            [ "symbolic", [| symbolic |]
              "fwd over fwd", [| ff |]
              "fwd over rev", [| (diff (outer innerRev) x0).Value |]
              "rev over fwd", [| (Properties.diffRev (outer innerFwd) x0).Value |]
              "rev over rev", [| (Properties.diffRev (outer innerRev) x0).Value |] ]
        .&. Properties.withinNumeric "fwd over fwd" [| Properties.numericDerivative (outer innerFwd) case.X |] [| ff |]
    else Properties.discarded ()
