module Functional.FSharp.Tests.SymAlgebraTests

open System
open Xunit
open FsCheck.Xunit
open Functional.Symbolic
open Functional.FSharp

let private value (env: (string * float) list) (e: Expr) = Sym.eval (Map.ofList env) e

[<Fact>]
let ``Sym.expand multiplies out and keeps the value`` () =
    let e = Sym.parse "(x + 2)^3 - x*(x - 1)"
    let x = Sym.expand e
    Assert.Equal("x^3 + 5*x^2 + 13*x + 8", string x)
    for v in [ -2.5; 0.0; 1.75; 3.0 ] do
        Assert.Equal(value [ "x", v ] e, value [ "x", v ] x, 12)

[<Fact>]
let ``Sym.subs then eval equals eval at the substituted value`` () =
    let e = Sym.parse "sin(x)*x + exp(x/2)"
    let r = Sym.parse "y^2 - 1"
    let s = e |> Sym.subs "x" r
    Assert.Equal<string list>([ "y" ], Sym.variables s)
    for y in [ -1.5; 0.25; 2.0 ] do
        let xv = y * y - 1.0
        Assert.Equal(value [ "x", xv ] e, value [ "y", y ] s, 13)

[<Fact>]
let ``Sym.series gives the closed-form Taylor coefficients`` () =
    // log(1 + x) = x - x^2/2 + x^3/3 - …; exp at 2: e^2 / k!
    let c = Sym.parse "log(1 + x)" |> Sym.series "x" 0.0 6 |> List.map (value [])
    let expected = [ 0.0; 1.0; -0.5; 1.0 / 3.0; -0.25; 0.2; -1.0 / 6.0 ]
    List.iter2 (fun (a: float) (b: float) -> Assert.Equal(b, a, 15)) c expected
    let d = Sym.parse "exp(x)" |> Sym.series "x" 2.0 4 |> List.map (value [])
    let fact k = List.fold (*) 1.0 [ 1.0 .. float k ]
    d |> List.iteri (fun k a -> Assert.Equal(Math.Exp 2.0 / fact k, a, 13))
    Assert.Throws<ArgumentOutOfRangeException>(fun () -> Sym.parse "x" |> Sym.series "x" 0.0 -1 |> ignore) |> ignore

[<Fact>]
let ``Sym.simplify decides the common identities`` () =
    let s text = Sym.parse text |> Sym.simplify |> string
    Assert.Equal("1", s "sin(x)^2 + cos(x)^2")
    Assert.Equal("x + 1", s "(x^2 - 1)/(x - 1)")
    Assert.Equal("x", s "log(exp(x))")
    Assert.Equal("0", s "(x + 1)^2 - (x^2 + 2*x + 1)")
    Assert.Equal("cos(x)^2 + sin(x)^2", Sym.parse "sin(x)^2 + cos(x)^2" |> Sym.simplifyWith SimplifyOptions.Basic |> string)

[<Property(MaxTest = 200)>]
let ``Sym.expand keeps the value of small polynomials`` (a: int) (b: int) (n: byte) (x: int) =
    let a, b, k, xv = float (a % 7), float (b % 7), int n % 6, float (x % 5) / 2.0
    let e = Sym.parse (sprintf "(%g*x + %g)^%d - (x - %g)*(x + %g)" a b k b a)
    let expanded = Sym.expand e
    abs (value [ "x", xv ] e - value [ "x", xv ] expanded) <= 1e-9 * (1.0 + abs (value [ "x", xv ] e))
