module Functional.FSharp.Tests.SymProperties

open System
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open Functional
open Functional.FSharp
open Functional.FSharp.Testing

let private env (case: ExpressionCase) = Array.zip case.Variables case.Point |> Map.ofArray

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``Sym.parse (string e) = e`` (case: ExpressionCase) =
    let e = case.Expr
    let back = Sym.parse (string e)
    Prop.label $"{e} parsed back as {back}" (obj.ReferenceEquals(back, e) && back = e)

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``Sym.parse of the generated text evaluates like the Scalar function`` (case: ExpressionCase) =
    let e = Sym.parse (Term.toText case.Term)
    let expected = (case.Function (scalars case.Point)).Value
    if Properties.usable [ expected ] then
        Properties.compareRoutes Tolerance.Exact [ "Scalar function", [| expected |]; "Sym.eval", [| Sym.eval (env case) e |] ]
    else Properties.discarded ()

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``Sym.compile = Sym.eval`` (case: ExpressionCase) =
    let e = case.Expr
    let evaluated = Sym.eval (env case) e
    if Properties.usable [ evaluated ] then
        let compiled = Sym.compile (List.ofArray case.Variables) e case.Point
        Properties.compareRoutes { Relative = 1e-12; Floor = 1.0 } [ "Sym.eval", [| evaluated |]; "Sym.compile", [| compiled |] ]
    else Properties.discarded ()

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``Sym.simplify keeps the value`` (case: ExpressionCase) =
    let e = case.Expr
    let before = Sym.eval (env case) e
    if Properties.usable [ before ] then
        let simplified = Sym.simplify e
        let after = Sym.eval (env case) simplified
        Properties.compareRoutes Tolerance.Exact [ string e, [| before |]; string simplified, [| after |] ]
    else Properties.discarded ()

[<Property(MaxTest = 500, Arbitrary = [| typeof<Arbitraries> |])>]
let ``Sym.ofQuotation of a generated F# lambda agrees with running it on Scalar`` (case: ExpressionCase) =
    let quotation = Term.toQuotation case.Arity case.Term
    let parameters, e = Sym.ofQuotationWithParameters quotation
    let expected = (case.Function (scalars case.Point)).Value
    if Properties.usable [ expected ] then
        Prop.label $"parameters {parameters}" (parameters = List.ofArray case.Variables)
        .&. Properties.compareRoutes Tolerance.Exact [ "lambda on Scalar", [| expected |]; $"Sym.eval ({e})", [| Sym.eval (env case) e |] ]
    else Properties.discarded ()

let private family (a: float) (b: float) =
    // the same functions twice: as F# lambdas run on Scalar, and as their quotations
    [ "x * sin y + a * exp (x * y)",
      (fun (x: Scalar) (y: Scalar) -> x * sin y + a * exp (x * y)),
      <@ fun (x: Scalar) (y: Scalar) -> x * sin y + a * exp (x * y) @> :> Quotations.Expr
      "let u = x + b in u ** 2.0 - (abs b + 0.5) **. y / sqrt (1.0 + u * u)",
      (fun x y -> let u = x + b in u ** 2.0 - (abs b + 0.5) **. y / sqrt (1.0 + u * u)),
      <@ fun (x: Scalar) (y: Scalar) -> let u = x + b in u ** 2.0 - (abs b + 0.5) **. y / sqrt (1.0 + u * u) @> :> Quotations.Expr
      "atan2 x (a * a + 1.0) + max x y * tanh (b - y) + log (1.0 + x * x)",
      (fun x y -> atan2 x (Scalar.op_Implicit (a * a + 1.0)) + max x y * tanh (b - y) + log (1.0 + x * x)),
      <@ fun (x: Scalar) (y: Scalar) -> atan2 x (Scalar.op_Implicit (a * a + 1.0)) + max x y * tanh (b - y) + log (1.0 + x * x) @> :> Quotations.Expr
      "sigmoid (a * x) - softplus y * -x + log1p (y * y) + expm1 (x / 3.0) + pown y 3",
      (fun x y -> sigmoid (a * x) - softplus y * -x + log1p (y * y) + expm1 (x / 3.0) + pown y 3),
      <@ fun (x: Scalar) (y: Scalar) -> sigmoid (a * x) - softplus y * -x + log1p (y * y) + expm1 (x / 3.0) + pown y 3 @> :> Quotations.Expr ]

[<Property(MaxTest = 500)>]
let ``Sym.ofQuotation of a fixed family of F# lambdas with random constants agrees with the lambdas`` (a: NormalFloat) (b: NormalFloat) (x: NormalFloat) (y: NormalFloat) =
    let clamp (NormalFloat v) = Math.Clamp(v, -2.0, 2.0)
    let a, b, x, y = clamp a, clamp b, clamp x, clamp y
    [ for name, lambda, quotation in family a b ->
        let e = Sym.ofQuotation quotation
        let expected = (lambda (Scalar.op_Implicit x) (Scalar.op_Implicit y)).Value
        let actual = Sym.eval (Map [ "x", x; "y", y ]) e
        if Double.IsFinite expected then
            Properties.compareRoutes Tolerance.Exact [ $"{name} on Scalar", [| expected |]; $"Sym.eval ({e})", [| actual |] ]
        else Prop.ofTestable true ]
    |> List.reduce (.&.)
