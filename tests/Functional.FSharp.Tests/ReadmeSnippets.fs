module Functional.FSharp.Tests.ReadmeSnippets

// README.md's F# blocks, verbatim (a test below checks each block still appears here), so the
// documentation compiles with the library; the tests at the end check the values its comments promise.

open Functional
open Functional.FSharp

let f (v: Scalar[]) = v.[0] * v.[1] + exp (v.[0] * v.[1]) - sin v.[1]
let g = scalars [| 1.0; 2.0 |] |> grad f |> floats                       // [|16.7781121978613; 8.805202935477793|]
let h = scalars [| 1.0; 2.0 |] |> hessian f |> floats2D                  // [[29.5562244; 23.1671683]; [23.1671683; 8.298353526]]
let gg = scalars [| 1.0; 2.0 |] |> grad (grad f >> Array.sum) |> floats  // [|52.72339269; 31.46552182|]
let d3 = diffn 3 sin 0.5                                                 // -0.877582561890373 = -cos 0.5
let d = diff (fun x -> pown x 3 + 2.0 * x) 2.0                           // 14: pown for integer exponents
let half = scalar 0.5                                                    // one constant Scalar

let derivative = "x^3 + sin(x)" |> Sym.parse |> Sym.diff "x" |> Sym.simplify   // 3*x^2 + cos(x)
let quoted = Sym.ofQuotation <@ fun x y -> x * sin y + exp (x * y) @>          // x*sin(y) + exp(x*y)

let shift (x: Scalar) (g: Scalar -> Scalar) (y: Scalar) = g (x + y)
let dShift = diffFn shift (Scalar.Constant 3.0)
let e8 = dShift exp (Scalar.Constant 5.0)             // e⁸
let e11 = dShift (dShift exp) (Scalar.Constant 5.0)   // e¹¹
let sinExpCoefficients = taylor (fun x -> sin (exp x)) 0.5 10   // the same 11 coefficients

open FsCheck.Xunit
open Functional.FSharp.Testing

let loss (v: Scalar[]) = (1.0 - v.[0]) ** 2.0 + 100.0 * (v.[1] - v.[0] * v.[0]) ** 2.0
let myGradient (v: float[]) =
    [| -2.0 * (1.0 - v.[0]) - 400.0 * v.[0] * (v.[1] - v.[0] * v.[0]); 200.0 * (v.[1] - v.[0] * v.[0]) |]

[<Property(MaxTest = 200, Arbitrary = [| typeof<Arbitraries> |])>]
let ``forward = reverse = symbolic ≈ numeric`` (case: ExpressionCase) = Properties.fourWaysAgree case

[<Property>]   // your own backprop against reverse mode, at random points of [-2, 2]^2
let ``my gradient`` () = Properties.gradientMatchesReverse 2 loss myGradient

// ---- checks --------------------------------------------------------------------------------

open System
open System.IO
open System.Text.RegularExpressions
open Xunit

let private closeTo (expected: float) (actual: float) =
    Assert.True(abs (expected - actual) <= 1e-12 * Math.Max(1.0, abs expected), $"expected {expected:R}, got {actual:R}")

[<Fact>]
let ``README values: gradient, Hessian, grad of grad, third derivative, pown, scalar`` () =
    let e2 = exp 2.0
    // f = x1 x2 + e^(x1 x2) − sin x2 at (1, 2)
    closeTo (2.0 + 2.0 * e2) g.[0]
    closeTo (1.0 + e2 - cos 2.0) g.[1]
    closeTo (4.0 * e2) h.[0, 0]
    closeTo (1.0 + 3.0 * e2) h.[0, 1]
    closeTo (1.0 + 3.0 * e2) h.[1, 0]
    closeTo (e2 + sin 2.0) h.[1, 1]
    closeTo (h.[0, 0] + h.[1, 0]) gg.[0]
    closeTo (h.[0, 1] + h.[1, 1]) gg.[1]
    closeTo (-cos 0.5) d3.Value
    closeTo 14.0 d.Value
    Assert.Equal(0.5, half.Value)

[<Fact>]
let ``README values: symbolic derivative and quotation`` () =
    Assert.Equal("3*x^2 + cos(x)", derivative.ToString())
    closeTo (3.0 * 0.49 + cos 0.7) (Sym.eval (Map [ "x", 0.7 ]) derivative)
    Assert.Equal("x*sin(y) + exp(x*y)", quoted.ToString())

[<Fact>]
let ``the hand-written Rosenbrock gradient of the README is right`` () =
    // At (1, 1), the minimum: 0. At (0, 0): (−2, 0). At (−1.2, 1): closed form.
    Assert.Equal<float[]>([| 0.0; 0.0 |], myGradient [| 1.0; 1.0 |])
    Assert.Equal<float[]>([| -2.0; 0.0 |], myGradient [| 0.0; 0.0 |])
    let reverse = scalars [| -1.2; 1.0 |] |> grad loss |> floats
    let mine = myGradient [| -1.2; 1.0 |]
    closeTo reverse.[0] mine.[0]
    closeTo reverse.[1] mine.[1]

[<Fact>]
let ``README values: function-valued derivative and Taylor coefficients`` () =
    closeTo (exp 8.0) e8.Value
    closeTo (exp 11.0) e11.Value
    closeTo (-188801.90703255085633 / 3628800.0) sinExpCoefficients.[10]

let rec private repositoryRoot (directory: DirectoryInfo) =
    if isNull directory then failwith "README.md not found above the test's directory"
    elif File.Exists(Path.Combine(directory.FullName, "README.md")) && File.Exists(Path.Combine(directory.FullName, "Functional.sln")) then directory.FullName
    else repositoryRoot directory.Parent

[<Fact>]
let ``every F# block of the README appears verbatim in this file`` () =
    let root = repositoryRoot (DirectoryInfo AppContext.BaseDirectory)
    let normalise (text: string) = text.Replace("\r\n", "\n")
    let readme = File.ReadAllText(Path.Combine(root, "README.md")) |> normalise
    // Each README section's blocks live in ReadmeSnippets*.fs (one module per section, so names may repeat).
    let here =
        Directory.GetFiles(Path.Combine(root, "tests", "Functional.FSharp.Tests"), "ReadmeSnippets*.fs")
        |> Array.map (File.ReadAllText >> normalise)
        |> String.concat "\n"
    let blocks = Regex.Matches(readme, "```fsharp\n(.*?)```", RegexOptions.Singleline) |> Seq.map (fun m -> m.Groups.[1].Value) |> List.ofSeq
    Assert.True(blocks.Length >= 2, "the README's F# blocks were not found")
    for block in blocks do
        Assert.True(here.Contains block, $"README block not mirrored in any ReadmeSnippets*.fs:\n{block}")
