module Functional.FSharp.Tests.LayerTests

open System
open Xunit
open FsCheck
open FsCheck.FSharp
open FsCheck.Xunit
open Functional
open Functional.FSharp
open Functional.FSharp.Testing

let private close (expected: float) (actual: float) =
    Assert.True(abs (expected - actual) <= 1e-12 * Math.Max(1.0, abs expected), $"expected {expected:R}, got {actual:R}")

let private seed (x: Scalar[]) = x.[0] * x.[1] + exp (x.[0] * x.[1]) - sin x.[1]

[<Fact>]
let ``diffn 3 sin is -cos and composes with diff`` () =
    close (-cos 0.5) (float (diffn 3 sin (Scalar.op_Implicit 0.5)))
    close (-cos 0.5) (float (diff (diff2 sin) (Scalar.op_Implicit 0.5)))
    close (sin 0.5) (float (diffn 0 sin (Scalar.op_Implicit 0.5)))

[<Fact>]
let ``grad in a pipeline, grad of grad summed, hessian`` () =
    let g = scalars [| 1.0; 2.0 |] |> grad seed |> floats
    close 16.7781121978613 g.[0]
    close 8.805202935477793 g.[1]
    let h = scalars [| 1.0; 2.0 |] |> hessian seed |> floats2D
    let gg = scalars [| 1.0; 2.0 |] |> grad (grad seed >> Array.sum) |> floats
    close (h.[0, 0] + h.[1, 0]) gg.[0]
    close (h.[0, 1] + h.[1, 1]) gg.[1]

[<Fact>]
let ``valueAndGrad, jvp and vjp return F# tuples and functions`` () =
    let value, gradient = valueAndGrad seed (scalars [| 1.0; 2.0 |])
    close (2.0 + exp 2.0 - sin 2.0) (float value)
    close 16.7781121978613 (float gradient.[0])
    let f (x: Scalar[]) = [| x.[0] * x.[1]; sin x.[0] |]
    let y, tangent = jvp f (scalars [| 1.0; 2.0 |]) (scalars [| 1.0; 0.0 |])
    Assert.Equal<float[]>([| 2.0; sin 1.0 |], floats y)
    Assert.Equal<float[]>([| 2.0; cos 1.0 |], floats tangent)
    let _, pullback = vjp f (scalars [| 1.0; 2.0 |])
    Assert.Equal<float[]>([| 2.0; 1.0 |], pullback (scalars [| 1.0; 0.0 |]) |> floats)
    Assert.Equal<float[]>([| cos 1.0; 0.0 |], pullback (scalars [| 0.0; 1.0 |]) |> floats)

[<Fact>]
let ``mixed float arithmetic and powers`` () =
    let x = Scalar.op_Implicit 1.5
    close 4.0 (float (2.0 * x + 1.0))
    close 2.25 (float (x ** 2.0))
    close (Math.Pow(2.0, 1.5)) (float (2.0 **. x))
    close (Math.Pow(2.0, 1.5) * log 2.0) (float (diff (fun x -> 2.0 **. x) x))
    close (Math.Pow(2.0, 1.5) * log 2.0) (float (diff (fun x -> Scalar.Pow(2.0, x)) x))
    close (2.0 * 1.5) (float (diff (fun x -> x ** 2.0) x))

[<Fact>]
let ``max and min split the derivative at a tie and still work on other types`` () =
    let x = Scalar.op_Implicit 1.5
    close 0.5 (float (diff (fun x -> max x (Scalar.op_Implicit 1.5)) x))
    close 0.5 (float (diff (fun x -> min (Scalar.op_Implicit 1.5) x) x))
    close 1.0 (float (diff (fun x -> max x x) x))
    Assert.Equal(3, max 2 3)
    Assert.Equal(2.0, min 2.0 3.0)
    Assert.Equal("b", Operators.max "a" "b")

[<Fact>]
let ``Sym pipeline`` () =
    let d = "x^3 + sin(x)" |> Sym.parse |> Sym.diff "x" |> Sym.simplify
    close (3.0 * 0.7 * 0.7 + cos 0.7) (Sym.eval (Map [ "x", 0.7 ]) d)
    let f = Sym.parse "x*y + exp(x*y)" |> Sym.compile [ "x"; "y" ]
    close (2.0 + exp 2.0) (f [| 1.0; 2.0 |])
    let g = Sym.parse "x*y + exp(x*y)" |> Sym.toFunction [ "x"; "y" ]
    close (2.0 + 2.0 * exp 2.0) (scalars [| 1.0; 2.0 |] |> grad g |> floats).[0]

[<Fact>]
let ``ofQuotation reads curried lambdas of Scalar and float`` () =
    let e = Sym.ofQuotation <@ fun x y -> x * sin y + exp (x * y) @>
    Assert.Equal(Sym.parse "x*sin(y) + exp(x*y)", e)
    let names, e2 = Sym.ofQuotationWithParameters <@ fun (a: float) (b: float) -> let c = a * b in 2.0 * c ** 2.0 - Math.Sqrt b @>
    Assert.Equal<string list>([ "a"; "b" ], names)
    close (2.0 * 36.0 - sqrt 3.0) (Sym.eval (Map [ "a", 2.0; "b", 3.0 ]) e2)

[<Fact>]
let ``ofQuotation names the unsupported construct`` () =
    let error = Assert.Throws<NotSupportedException>(fun () -> Sym.ofQuotation <@ fun (x: Scalar) -> if x > Scalar.op_Implicit 0.0 then x else -x @> |> ignore)
    Assert.Contains("if-then-else", error.Message)
    let error = Assert.Throws<NotSupportedException>(fun () -> Sym.ofQuotation <@ fun (s: string) -> s.Length @> |> ignore)
    Assert.Contains("parameter 's'", error.Message)
    let error = Assert.Throws<NotSupportedException>(fun () -> Sym.ofQuotation <@ fun (x: float) -> Math.Round x @> |> ignore)
    Assert.Contains("Math.Round", error.Message)

// ---- the checking module used the way a user would ----------------------------------------------

let private loss (w: Scalar[]) = (tanh (w.[0] * 0.5 - w.[1] * 1.5) - 0.3) ** 2.0

let private handWrittenGradient (w: float[]) =
    let y = tanh (w.[0] * 0.5 - w.[1] * 1.5)
    let delta = 2.0 * (y - 0.3) * (1.0 - y * y)
    [| delta * 0.5; -delta * 1.5 |]

[<Property(MaxTest = 200)>]
let ``a hand-written gradient matches reverse mode`` () =
    Properties.gradientMatchesReverse 2 loss handWrittenGradient

[<Fact>]
let ``a wrong hand-written gradient is caught and shrunk`` () =
    let wrong (w: float[]) = let g = handWrittenGradient w in [| g.[0]; g.[1] / 1.5 |]
    let error = Assert.ThrowsAny<exn>(fun () -> Check.QuickThrowOnFailure(Properties.gradientMatchesReverse 2 loss wrong))
    Assert.Contains("your gradient", error.Message)

[<Property(MaxTest = 100)>]
let ``four ways agree on a user's expression`` () =
    Properties.fourWaysAgreeOn (Sym.parse "x1*x2 + exp(x1*x2) - sin(x2)")

[<Fact>]
let ``erf and cbrt work on Scalar and in quotations`` () =
    let x = Scalar.op_Implicit 0.6
    Assert.Equal(2.0 / sqrt Math.PI * exp (-0.36), (diff erf x).Value, 14)
    Assert.Equal(1.0 / (3.0 * 4.0), (diff cbrt (Scalar.op_Implicit 8.0)).Value, 14)
    Assert.Equal("erf(x) + cbrt(x)", (Sym.ofQuotation <@ fun x -> erf x + cbrt x @>).ToString())

[<Fact>]
let ``integer exponents work on Scalar`` () =
    let x = Scalar.op_Implicit 1.5
    Assert.Equal(3.375, (x ** 3).Value)
    Assert.Equal(3.0 * 1.5 * 1.5, (diff (fun x -> x ** 3) x).Value, 14)
    Assert.Equal(6.0 * 1.5, (diff2 (fun x -> x ** 3) x).Value, 13)
