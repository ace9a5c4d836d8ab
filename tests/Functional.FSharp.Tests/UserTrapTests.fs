module Functional.FSharp.Tests.UserTrapTests

// The F# traps of issue 15. This project builds with warnings as errors, so each call below that
// takes a float compiling at all shows it raises no FS3391 (implicit conversion) warning.

open System
open Xunit
open Functional
open Functional.FSharp

let private close (expected: float) (actual: Scalar) =
    Assert.True(abs (expected - actual.Value) <= 1e-13 * Math.Max(1.0, abs expected), $"expected {expected:R}, got {actual.Value:R}")

[<Fact>]
let ``diff, diff2 and diffn take a float point without a conversion warning`` () =
    close (cos 0.5) (diff sin 0.5)
    close (-sin 0.5) (diff2 sin 0.5)
    close (-cos 0.5) (diffn 3 sin 0.5)
    close (exp 1.0) (diff (fun x -> x * exp x - exp x) 1.0)     // (x e^x − e^x)′ = x e^x
    // The same calls with a Scalar point, and nested: the inner diff is used as Scalar -> Scalar.
    close (cos 0.5) (diff sin (scalar 0.5))
    close (-sin 0.5) (diff (diff sin) 0.5)
    let cosine = diff sin
    close (cos 2.0) (cosine 2.0)

[<Fact>]
let ``diff keeps perturbations apart when nested over a float point`` () =
    // d/dx [x · (d/dy (x + y))(1)] at 1 = 1, not 2.
    close 1.0 (diff (fun x -> x * diff (fun y -> x + y) 1.0) 1.0)

[<Fact>]
let ``scalar makes one constant Scalar`` () =
    let s = scalar 0.25
    Assert.Equal(0.25, s.Value)
    let square (x: Scalar) = x * x
    close 0.0625 (square (scalar 0.25))
    // A constant to every differentiation: d/dx (x · s) = s.
    close 0.25 (diff (fun x -> x * s) 3.0)
    Assert.True(Double.IsNaN (scalar nan).Value)

[<Fact>]
let ``integer exponents by pown agree with the closed form`` () =
    close (3.0 * 1.5 * 1.5) (diff (fun x -> pown x 3) 1.5)
    close (6.0 * 1.5) (diff2 (fun x -> pown x 3) 1.5)
    close (-2.0 / (1.5 * 1.5 * 1.5)) (diff (fun x -> pown x -2) 1.5)
    close 0.0 (diff (fun x -> pown x 0) 1.5)
    let g = scalars [| 2.0; 3.0 |] |> grad (fun v -> pown v.[0] 2 * pown v.[1] 3) |> floats
    Assert.Equal<float[]>([| 2.0 * 2.0 * 27.0; 4.0 * 3.0 * 9.0 |], g)

// F#'s float calls Scalar's explicit conversion, which refuses to drop a running derivative.
[<Fact>]
let ``float of a Scalar inside a differentiation throws and names Value`` () =
    let error = Assert.Throws<InvalidOperationException>(fun () -> diff (fun x -> scalar (sin (float x))) 0.5 |> ignore)
    Assert.Contains(".Value", error.Message)
    Assert.Contains("StopGradient", error.Message)
    Assert.Throws<InvalidOperationException>(fun () -> scalars [| 1.0; 2.0 |] |> grad (fun v -> scalar (float v.[0] * 2.0) + v.[1]) |> ignore) |> ignore

[<Fact>]
let ``float of constants and finished results converts`` () =
    Assert.Equal(0.5, float (scalar 0.5))
    Assert.Equal(cos 0.5, float (diff sin 0.5))
    Assert.Equal(16.7781121978613, float (scalars [| 1.0; 2.0 |] |> grad (fun v -> v.[0] * v.[1] + exp (v.[0] * v.[1]) - sin v.[1])).[0], 13)
    // Value is the intentional read inside a differentiation: the derivative of sin(x.Value) is 0.
    close 0.0 (diff (fun x -> scalar (sin x.Value)) 0.5)

[<Fact>]
let ``a combinator value that nothing types at compile time still takes a Scalar, a float or an int`` () =
    close (cos 0.5) (UnappliedCombinator.cosine (scalar 0.5))
    close (cos 0.5) (UnappliedCombinator.cosine 0.5)
    close (cos 1.0) (UnappliedCombinator.cosine 1)
    let error = Assert.Throws<ArgumentException>(fun () -> UnappliedCombinator.cosine "0.5" |> ignore)
    Assert.Contains("String", error.Message)
    close (cos 2.0) (diff sin 2)
