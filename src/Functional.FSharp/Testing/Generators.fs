namespace Functional.FSharp.Testing

open System
open System.Globalization
open FsCheck
open FsCheck.FSharp
open Functional
open Functional.Symbolic

module private Show =
    let number (x: float) = x.ToString("R", CultureInfo.InvariantCulture)

    let point (names: string[]) (x: float[]) =
        Array.map2 (fun n v -> $"{n}={number v}") names x |> String.concat ", "

/// <summary>A random expression of <see cref="P:Functional.FSharp.Testing.ExpressionCase.Arity"/> variables
/// (1–4, named <c>x y z w</c>) and a point to look at it: the same function as an <c>Expr</c>
/// (<see cref="P:Functional.FSharp.Testing.ExpressionCase.Expr"/>) and as a <c>Scalar</c> function
/// (<see cref="P:Functional.FSharp.Testing.ExpressionCase.Function"/>).</summary>
[<StructuredFormatDisplay("{Display}")>]
type ExpressionCase =
    {
        /// <summary>The expression tree.</summary>
        Term: Term
        /// <summary>The number of variables (1–4).</summary>
        Arity: int
        /// <summary>Where to evaluate (one value per variable).</summary>
        Point: float[]
    }

    /// <summary>The variable names, in argument order.</summary>
    member c.Variables: string[] = Array.sub Term.variableNames 0 c.Arity

    /// <summary>The expression, symbolically.</summary>
    member c.Expr: Expr = Term.toExpr c.Term

    /// <summary>The expression as a <c>Scalar</c> function of its variables in order.</summary>
    member c.Function: Scalar[] -> Scalar = Term.toScalarFunction c.Term

    /// <summary>Shows the expression and the point.</summary>
    member c.Display = $"{Term.toText c.Term} at {Show.point c.Variables c.Point}"

    /// <inheritdoc/>
    override c.ToString() = c.Display

/// <summary>A random vector function ℝⁿ → ℝᵐ (n = <c>Arity</c>, m = number of terms) and a point.</summary>
[<StructuredFormatDisplay("{Display}")>]
type VectorCase =
    {
        /// <summary>One expression per output.</summary>
        Terms: Term[]
        /// <summary>The number of inputs (1–4).</summary>
        Arity: int
        /// <summary>Where to evaluate.</summary>
        Point: float[]
    }

    /// <summary>The vector function over <c>Scalar</c>s.</summary>
    member c.Function: Scalar[] -> Scalar[] =
        let fs = Array.map Term.toScalarFunction c.Terms
        fun x -> fs |> Array.map (fun f -> f x)

    /// <summary>Shows the outputs and the point.</summary>
    member c.Display =
        let outputs = c.Terms |> Array.map Term.toText |> String.concat "; "
        $"[{outputs}] at {Show.point (Array.sub Term.variableNames 0 c.Arity) c.Point}"

    /// <inheritdoc/>
    override c.ToString() = c.Display

/// <summary>Two random expressions for the perturbation-confusion law:
/// d/dx [ f(x) · (∂g/∂y)(x, y₀) ] at x₀, where the inner derivative closes over the outer variable.</summary>
[<StructuredFormatDisplay("{Display}")>]
type NestedCase =
    {
        /// <summary>f, in x.</summary>
        Outer: Term
        /// <summary>g, in x and y.</summary>
        Inner: Term
        /// <summary>x₀.</summary>
        X: float
        /// <summary>y₀.</summary>
        Y: float
    }

    /// <summary>Shows both expressions and the point.</summary>
    member c.Display = $"f = {Term.toText c.Outer}, g = {Term.toText c.Inner} at x={Show.number c.X}, y={Show.number c.Y}"

    /// <inheritdoc/>
    override c.ToString() = c.Display

/// <summary>FsCheck generators and shrinkers of random differentiable expressions that stay inside
/// every function's domain (log of 1 + a², sqrt of 1 + a², asin of tanh(a)/2, …).</summary>
module Generators =

    /// <summary>A coordinate in [−2, 2] with six decimals.</summary>
    let coordinate: Gen<float> = Gen.choose (-2_000_000, 2_000_000) |> Gen.map (fun i -> float i / 1e6)

    /// <summary>A constant in [−3, 3] with one decimal.</summary>
    let constant: Gen<float> = Gen.choose (-30, 30) |> Gen.map (fun i -> float i / 10.0)

    /// <summary>A point of <paramref name="n"/> coordinates.</summary>
    let point (n: int) : Gen<float[]> = Gen.arrayOfLength n coordinate

    let private functions =
        [| Sin; Cos; Atan; Tanh; Exp; Sinh; Cosh; Expm1; Sigmoid; Softplus
           LogOfOnePlusSquare; Log1pOfSquare; SqrtOfOnePlusSquare; AsinOfHalfTanh; AcosOfHalfTanh; TanOfBounded |]

    /// <summary>A term of at most <paramref name="depth"/> levels over variables 0 … arity − 1.</summary>
    let rec termOfDepth (arity: int) (depth: int) : Gen<Term> =
        let leaf =
            Gen.frequency [ 3, Gen.choose (0, arity - 1) |> Gen.map Var; 1, constant |> Gen.map Const ]
        if depth <= 0 then
            leaf
        else
            let sub = termOfDepth arity (depth - 1)
            let two f = Gen.map2 (fun a b -> f (a, b)) sub sub
            Gen.frequency
                [ 2, leaf
                  1, sub |> Gen.map Neg
                  3, two Add
                  2, two Sub
                  3, two Mul
                  1, two DivOnePlusSquare
                  1, Gen.map2 (fun a n -> PowInt(a, n)) sub (Gen.choose (2, 3))
                  1, two PowPositive
                  1, two Atan2OnePlusSquare
                  5, Gen.map2 (fun f a -> Apply(f, a)) (Gen.elements functions) sub ]

    /// <summary>A term over variables 0 … arity − 1 whose depth (1–4) grows with FsCheck's size.</summary>
    let term (arity: int) : Gen<Term> = Gen.sized (fun size -> termOfDepth arity (Math.Min(4, 1 + size / 20)))

    /// <summary>Smaller terms: each child, constants in place of subterms, simpler constants, and
    /// each child shrunk in place. Wrapped shapes stay wrapped, so every shrink is still in domain.</summary>
    let rec shrinkTerm (term: Term) : seq<Term> =
        seq {
            match term with
            | Const c ->
                if c <> 0.0 then yield Const 0.0
                if c <> 1.0 && c <> 0.0 then yield Const 1.0
                if Math.Round c <> c then yield Const(Math.Round c)
            | Var i ->
                yield Const 1.0
                if i > 0 then yield Var 0
            | _ ->
                yield Const 1.0
                match term with
                | Neg a ->
                    yield a
                    yield! shrinkTerm a |> Seq.map Neg
                | Apply(f, a) ->
                    yield a
                    yield! shrinkTerm a |> Seq.map (fun a -> Apply(f, a))
                | PowInt(a, n) ->
                    yield a
                    if n > 2 then yield PowInt(a, 2)
                    yield! shrinkTerm a |> Seq.map (fun a -> PowInt(a, n))
                | Add(a, b) -> yield! shrinkPair Add a b
                | Sub(a, b) -> yield! shrinkPair Sub a b
                | Mul(a, b) -> yield! shrinkPair Mul a b
                | DivOnePlusSquare(a, b) -> yield! shrinkPair DivOnePlusSquare a b
                | PowPositive(a, b) -> yield! shrinkPair PowPositive a b
                | Atan2OnePlusSquare(a, b) -> yield! shrinkPair Atan2OnePlusSquare a b
                | Var _ | Const _ -> ()
        }

    and private shrinkPair (make: Term * Term -> Term) (a: Term) (b: Term) : seq<Term> =
        seq {
            yield a
            yield b
            yield! shrinkTerm a |> Seq.map (fun a -> make (a, b))
            yield! shrinkTerm b |> Seq.map (fun b -> make (a, b))
        }

    /// <summary>Rounder coordinates: 0, then fewer decimals.</summary>
    let shrinkCoordinate (x: float) : seq<float> =
        seq {
            if x <> 0.0 then yield 0.0
            for digits in 0..3 do
                let r = Math.Round(x, digits)
                if r <> x && r <> 0.0 then yield r
        }
        |> Seq.distinct

    /// <summary>Points with one coordinate made rounder.</summary>
    let shrinkPoint (x: float[]) : seq<float[]> =
        seq {
            for i in 0 .. x.Length - 1 do
                for r in shrinkCoordinate x.[i] do
                    let y = Array.copy x
                    y.[i] <- r
                    yield y
        }

    /// <summary>Random expressions of 1 … <paramref name="maxArity"/> variables at random points.</summary>
    let expressionCase (maxArity: int) : Gen<ExpressionCase> =
        gen {
            let! arity = Gen.choose (1, maxArity)
            let! term = term arity
            let! point = point arity
            return { Term = term; Arity = arity; Point = point }
        }

    /// <summary>Shrinks the term, then the point (the arity shrinks to the variables still used).</summary>
    let shrinkExpressionCase (c: ExpressionCase) : seq<ExpressionCase> =
        seq {
            for t in shrinkTerm c.Term do
                let arity = Math.Max(1, Term.maxVariable t + 1)
                yield { c with Term = t; Arity = arity; Point = Array.sub c.Point 0 arity }
            for p in shrinkPoint c.Point do
                yield { c with Point = p }
        }

    /// <summary>Random vector functions of 1–3 outputs and 1–4 inputs.</summary>
    let vectorCase: Gen<VectorCase> =
        gen {
            let! arity = Gen.choose (1, 4)
            let! outputs = Gen.choose (1, 3)
            let! terms = Gen.arrayOfLength outputs (term arity)
            let! point = point arity
            return { Terms = terms; Arity = arity; Point = point }
        }

    /// <summary>Shrinks one output at a time, then drops outputs, then the point.</summary>
    let shrinkVectorCase (c: VectorCase) : seq<VectorCase> =
        seq {
            if c.Terms.Length > 1 then
                for i in 0 .. c.Terms.Length - 1 do
                    yield { c with Terms = Array.removeAt i c.Terms }
            for i in 0 .. c.Terms.Length - 1 do
                for t in shrinkTerm c.Terms.[i] do
                    yield { c with Terms = Array.updateAt i t c.Terms }
            for p in shrinkPoint c.Point do
                yield { c with Point = p }
        }

    /// <summary>Random (f(x), g(x, y), x₀, y₀) for the nested-differentiation law.</summary>
    let nestedCase: Gen<NestedCase> =
        gen {
            let! outer = term 1
            let! inner = term 2
            let! x = coordinate
            let! y = coordinate
            return { Outer = outer; Inner = inner; X = x; Y = y }
        }

    /// <summary>Shrinks f, then g, then the point.</summary>
    let shrinkNestedCase (c: NestedCase) : seq<NestedCase> =
        seq {
            for t in shrinkTerm c.Outer do yield { c with Outer = t }
            for t in shrinkTerm c.Inner do yield { c with Inner = t }
            for x in shrinkCoordinate c.X do yield { c with X = x }
            for y in shrinkCoordinate c.Y do yield { c with Y = y }
        }

/// <summary>
/// FsCheck arbitraries for the case types, to register in a property:
/// <c>[&lt;Property(Arbitrary = [| typeof&lt;Arbitraries&gt; |])&gt;]</c>. Expressions have 1–4 variables;
/// <see cref="T:Functional.FSharp.Testing.UnivariateCase"/> fixes one.
/// </summary>
type Arbitraries =
    /// <summary>Expressions of 1–4 variables.</summary>
    static member ExpressionCase() : Arbitrary<ExpressionCase> =
        Arb.fromGenShrink (Generators.expressionCase 4, Generators.shrinkExpressionCase)

    /// <summary>Expressions of one variable.</summary>
    static member UnivariateCase() : Arbitrary<UnivariateCase> =
        Arb.fromGenShrink (
            Generators.expressionCase 1 |> Gen.map UnivariateCase,
            fun (UnivariateCase c) -> Generators.shrinkExpressionCase c |> Seq.map UnivariateCase)

    /// <summary>Vector functions of 1–4 inputs and 1–3 outputs.</summary>
    static member VectorCase() : Arbitrary<VectorCase> =
        Arb.fromGenShrink (Generators.vectorCase, Generators.shrinkVectorCase)

    /// <summary>Pairs of expressions for nested differentiation.</summary>
    static member NestedCase() : Arbitrary<NestedCase> =
        Arb.fromGenShrink (Generators.nestedCase, Generators.shrinkNestedCase)

/// <summary>An <see cref="T:Functional.FSharp.Testing.ExpressionCase"/> of exactly one variable, x.</summary>
and [<StructuredFormatDisplay("{Display}")>] UnivariateCase =
    | UnivariateCase of ExpressionCase

    /// <summary>The wrapped case.</summary>
    member u.Case = let (UnivariateCase c) = u in c

    /// <summary>Shows the expression and the point.</summary>
    member u.Display = u.Case.Display

    /// <inheritdoc/>
    override u.ToString() = u.Display
