namespace Functional.FSharp.Testing

open System
open FsCheck
open FsCheck.FSharp
open Functional
open Functional.FSharp
open Functional.Numeric
open Functional.Symbolic

/// <summary>How close two numbers must be: |a − b| ≤ Relative · max(|a|, |b|, Floor).</summary>
type Tolerance =
    {
        /// <summary>The relative tolerance.</summary>
        Relative: float
        /// <summary>The magnitude below which the tolerance stops shrinking (an absolute floor of Relative · Floor).</summary>
        Floor: float
    }

    /// <summary>1e-9 relative, floor 1: for comparing exact modes (forward, reverse, symbolic).</summary>
    static member Exact = { Relative = 1e-9; Floor = 1.0 }

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> agree within this tolerance.</summary>
    member t.Close(a: float, b: float) =
        a = b || abs (a - b) <= t.Relative * Math.Max(Math.Max(abs a, abs b), t.Floor)

/// <summary>
/// Ready-made FsCheck properties: the laws that forward, reverse, symbolic and numeric
/// differentiation must satisfy, and one-line checks of a user's own derivatives.
/// Points where a value is not finite or larger than <see cref="P:Functional.FSharp.Testing.Properties.Huge"/>
/// are discarded, not failed.
/// </summary>
module Properties =

    /// <summary>Values beyond this magnitude are discarded (their rounding swamps any tolerance).</summary>
    let Huge = 1e6

    /// <summary>True when every value is finite and at most <see cref="P:Functional.FSharp.Testing.Properties.Huge"/> in magnitude.</summary>
    let usable (values: seq<float>) = values |> Seq.forall (fun v -> Double.IsFinite v && abs v <= Huge)

    /// <summary>A discarded case (counted as discarded, neither passed nor failed). Prop.discard is not
    /// used: inlined into an optimised build it calls FsCheck's internal DiscardException constructor and
    /// fails with MethodAccessException.</summary>
    let discarded () : Property = Prop.filter false true

    /// <summary>Discards the case when <paramref name="values"/> are not usable, otherwise runs the check.</summary>
    let private whenUsable (values: seq<float>) (check: unit -> Property) : Property =
        if usable values then check () else discarded ()

    let private failWith (message: string) = Prop.label message false

    let private pass = Prop.ofTestable true

    let private fmt (xs: float[]) = xs |> Array.map (fun x -> x.ToString "R") |> String.concat "; " |> sprintf "[%s]"

    /// <summary>Compares named vectors against the first; the label names the first disagreeing route.</summary>
    let compareRoutes (tolerance: Tolerance) (routes: (string * float[]) list) : Property =
        let (refName, reference) = List.head routes
        let failures =
            [ for (name, values) in List.tail routes do
                  if values.Length <> reference.Length
                     || not (Array.forall2 (fun a b -> tolerance.Close(a, b)) reference values) then
                      yield $"{name} {fmt values} <> {refName} {fmt reference}" ]
        match failures with
        | [] -> pass
        | fs -> failWith (String.concat "\n" fs)

    /// <summary>Exact derivatives steeper than this are not compared with differences: on generated
    /// expressions such as sin(2^((1 + x²)²)) Ridders' extrapolation and its error estimate both go wrong.</summary>
    let NumericLimit = 1e3

    /// <summary>Numeric estimates agree with exact values when |n − e| ≤ 4·error + 1e-8·max(|e|, 1):
    /// within (a small multiple of) the estimate's own error bound, plus the rounding of the exact value.
    /// An estimate whose error is not finite (the function was not finite nearby) discards the case;
    /// exact values beyond <see cref="P:Functional.FSharp.Testing.Properties.NumericLimit"/> skip the comparison.</summary>
    let withinNumeric (name: string) (estimates: NumericEstimate[]) (exact: float[]) : Property =
        if estimates |> Array.exists (fun n -> not (Double.IsFinite n.Error && Double.IsFinite n.Value)) then
            discarded ()
        elif exact |> Array.exists (fun e -> abs e > NumericLimit) then
            Prop.ofTestable true // too steep for differences to be trusted; the exact modes were still compared
        else
            let ok =
                Array.forall2 (fun (n: NumericEstimate) e -> abs (n.Value - e) <= 4.0 * n.Error + 1e-8 * Math.Max(abs e, 1.0)) estimates exact
            let shown = estimates |> Array.map string |> String.concat "; "
            Prop.label $"numeric [{shown}] disagrees with {name} {fmt exact} beyond its error estimate" ok

    /// <summary>The first step of every Richardson estimate here. The library's default (0.1·max(|x|, 1))
    /// can straddle several oscillations of a generated expression such as cos(x·(2x)³), and Ridders'
    /// error estimate does not notice; 0.01 keeps the tableau on one oscillation.</summary>
    let NumericStep = 0.01

    /// A plain central difference at a moderate step, with no extrapolation: where f's values carry
    /// rounding noise (a derivative computed with cancellation, e.g. 1 − tanh² near saturation), Ridders'
    /// extrapolation can turn the noise into a confident wrong value with a tiny error estimate; the plain
    /// difference stays near the truth, so the spread between the two is an honest floor for the error.
    let private centralDifference (f: float -> float) (x: float) =
        let h = 1e-4 * Math.Max(1.0, abs x)
        (f (x + h) - f (x - h)) / (2.0 * h)

    let private atLeastSpread (ridders: NumericEstimate) (plain: float) =
        NumericEstimate(ridders.Value, Math.Max(ridders.Error, abs (ridders.Value - plain)))

    let private withEntry (x: float[]) (i: int) (t: float) = Array.init x.Length (fun k -> if k = i then t else x.[k])

    /// <summary>Richardson derivative (with error) of a float function computed through Scalars; the error
    /// is at least the spread to a plain central difference.</summary>
    let numericDerivative (f: Scalar -> Scalar) (x: float) : NumericEstimate =
        let g (t: float) = (f (Scalar.op_Implicit t)).Value
        atLeastSpread (FiniteDifference.DerivativeWithError(Func<float, float>(g), x, NumericStep)) (centralDifference g x)

    /// <summary>Richardson gradient (with error) of a float function; each error is at least the spread to a
    /// plain central difference.</summary>
    let numericGradient (f: float[] -> float) (x: float[]) : NumericEstimate[] =
        FiniteDifference.GradientWithError(Func<float[], float>(f), x, NumericStep)
        |> Array.mapi (fun i estimate -> atLeastSpread estimate (centralDifference (withEntry x i >> f) x.[i]))

    /// <summary>Richardson Jacobian (with error, row-major) of a vector function computed through Scalars;
    /// each error is at least the spread to a plain central difference.</summary>
    let numericJacobian (f: Scalar[] -> Scalar[]) (x: float[]) : NumericEstimate[] =
        let g (p: float[]) = f (scalars p) |> floats
        let j = FiniteDifference.JacobianWithError(Func<float[], float[]>(g), x, NumericStep)
        let rows, columns = Array2D.length1 j, Array2D.length2 j
        Array.init (rows * columns) (fun k ->
            let i, c = k / columns, k % columns
            atLeastSpread j.[i, c] (centralDifference (fun t -> (g (withEntry x c t)).[i]) x.[c]))

    /// <summary>Forward-mode gradient: one forward pass per input (a row of <c>jacfwd</c>).</summary>
    let gradFwd (f: Scalar[] -> Scalar) : Scalar[] -> Scalar[] =
        let j = jacfwd (fun x -> [| f x |])
        fun x ->
            let m = j x
            Array.init (Array2D.length2 m) (fun i -> m.[0, i])

    /// <summary>Reverse-mode derivative of a one-argument function (grad on a one-element array).</summary>
    let diffRev (f: Scalar -> Scalar) : Scalar -> Scalar =
        let g = grad (fun x -> f x.[0])
        fun x -> (g [| x |]).[0]

    let private env (variables: string[]) (x: float[]) = Array.zip variables x |> Map.ofArray

    /// <summary>
    /// The gradient of <paramref name="e"/> (a function of <paramref name="variables"/>, computed by
    /// <paramref name="f"/> on Scalars) at <paramref name="x"/>, four ways: forward = reverse = symbolic
    /// within <paramref name="tolerance"/>, and Richardson differences within their own error estimate
    /// (see <see cref="M:Functional.FSharp.Testing.Properties.withinNumeric(System.String,Functional.Numeric.NumericEstimate[],System.Double[])"/>).
    /// </summary>
    let fourWaysAgreeWith (tolerance: Tolerance) (variables: string[]) (e: Expr) (f: Scalar[] -> Scalar) (x: float[]) : Property =
        let value = (f (scalars x)).Value
        let reverse = scalars x |> grad f |> floats
        whenUsable (Seq.append [ value ] reverse) (fun () ->
            let forward = scalars x |> gradFwd f |> floats
            let environment = env variables x
            let symbolic = variables |> Array.map (fun v -> e.Diff(v).Evaluate environment)
            let exact = compareRoutes tolerance [ "reverse", reverse; "forward", forward; "symbolic", symbolic ]
            let numeric = numericGradient (fun p -> (f (scalars p)).Value) x
            exact .&. withinNumeric "reverse" numeric reverse)

    /// <summary>Forward, reverse, symbolic and numeric gradients of a generated expression agree (1e-9).</summary>
    let fourWaysAgree (case: ExpressionCase) : Property =
        fourWaysAgreeWith Tolerance.Exact case.Variables case.Expr case.Function case.Point

    /// <summary>The four ways agree on the user's own expression at random points of [−2, 2]ⁿ.</summary>
    let fourWaysAgreeOn (e: Expr) : Property =
        let variables = Array.ofSeq e.Variables
        let f = e.ToFunc variables
        Prop.forAll (Arb.fromGenShrink (Generators.point variables.Length, Generators.shrinkPoint)) (fun x ->
            fourWaysAgreeWith Tolerance.Exact variables e (fun s -> f.Invoke s) x)

    /// <summary>
    /// A hand-written gradient agrees with reverse mode at random points of [−2, 2]ⁿ (1e-9 relative):
    /// <c>Check.QuickThrowOnFailure (Properties.gradientMatchesReverse 2 loss myGradient)</c>.
    /// </summary>
    let gradientMatchesReverse (arity: int) (f: Scalar[] -> Scalar) (gradient: float[] -> float[]) : Property =
        let reverse = grad f
        Prop.forAll (Arb.fromGenShrink (Generators.point arity, Generators.shrinkPoint)) (fun x ->
            let expected = scalars x |> reverse |> floats
            whenUsable expected (fun () -> compareRoutes Tolerance.Exact [ "reverse mode", expected; "your gradient", gradient x ]))

    /// <summary>A hand-written derivative agrees with forward mode at random points of [−2, 2].</summary>
    let derivativeMatchesForward (f: Scalar -> Scalar) (derivative: float -> float) : Property =
        let forward = diff f
        Prop.forAll (Arb.fromGenShrink (Generators.coordinate, Generators.shrinkCoordinate)) (fun x ->
            let expected = (forward (Scalar.op_Implicit x)).Value
            whenUsable [ expected ] (fun () -> compareRoutes Tolerance.Exact [ "forward mode", [| expected |]; "your derivative", [| derivative x |] ]))

    let private rows (m: float[,]) = Array.init (Array2D.length1 m * Array2D.length2 m) (fun k -> m.[k / Array2D.length2 m, k % Array2D.length2 m])

    /// <summary>The Hessian by fwd∘fwd, fwd∘rev, rev∘fwd, rev∘rev and symbolically agree, it is symmetric,
    /// and Richardson differences of the reverse gradient agree within their error estimate.</summary>
    let hessianRoutesAgree (case: ExpressionCase) : Property =
        let f = case.Function
        let x = scalars case.Point
        let fr = hessian f x |> floats2D
        whenUsable (Seq.append [ (f x).Value ] (rows fr)) (fun () ->
            let ff = jacfwd (gradFwd f) x |> floats2D
            let rf = jacrev (gradFwd f) x |> floats2D
            let rr = jacrev (grad f) x |> floats2D
            let e = case.Expr
            let environment = env case.Variables case.Point
            let symbolic =
                Array2D.init case.Arity case.Arity (fun i j -> e.Diff(case.Variables.[i]).Diff(case.Variables.[j]).Evaluate environment)
            let transposed = Array2D.init case.Arity case.Arity (fun i j -> fr.[j, i])
            compareRoutes Tolerance.Exact
                [ "fwd∘rev", rows fr; "fwd∘fwd", rows ff; "rev∘fwd", rows rf; "rev∘rev", rows rr
                  "symbolic", rows symbolic; "transposed", rows transposed ]
            .&. withinNumeric "fwd∘rev" (numericJacobian (grad f) case.Point) (rows fr))
