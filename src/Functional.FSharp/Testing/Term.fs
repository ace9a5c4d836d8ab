namespace Functional.FSharp.Testing

open System
open System.Globalization
open Functional
open Functional.FSharp
open Functional.Symbolic

/// <summary>A one-argument function of a random <see cref="T:Functional.FSharp.Testing.Term"/>. The
/// cases whose names say how they are wrapped keep their argument inside the function's domain for
/// every real input, so a generated expression is finite (and smooth) everywhere.</summary>
type Fn =
    | Sin | Cos | Atan | Tanh | Exp | Sinh | Cosh | Expm1 | Sigmoid | Softplus
    /// <summary>log(1 + a²)</summary>
    | LogOfOnePlusSquare
    /// <summary>log1p(a²)</summary>
    | Log1pOfSquare
    /// <summary>sqrt(1 + a²)</summary>
    | SqrtOfOnePlusSquare
    /// <summary>asin(tanh(a) / 2)</summary>
    | AsinOfHalfTanh
    /// <summary>acos(tanh(a) / 2)</summary>
    | AcosOfHalfTanh
    /// <summary>tan(a / (1 + a²)), whose argument stays in [−½, ½]</summary>
    | TanOfBounded

/// <summary>
/// A random differentiable expression of variables <c>x y z w</c> (indices 0–3), built only from
/// shapes that are defined and smooth for every real input. It turns into an <c>Expr</c>, a
/// <c>Scalar[] -&gt; Scalar</c> function, a <c>float[] -&gt; float</c> function, a string the parser reads
/// and an F# quotation, all denoting the same function.
/// </summary>
type Term =
    /// <summary>The variable with this index (0 = x, 1 = y, 2 = z, 3 = w).</summary>
    | Var of int
    /// <summary>A constant.</summary>
    | Const of float
    /// <summary>−a</summary>
    | Neg of Term
    /// <summary>a + b</summary>
    | Add of Term * Term
    /// <summary>a − b</summary>
    | Sub of Term * Term
    /// <summary>a · b</summary>
    | Mul of Term * Term
    /// <summary>a / (1 + b²)</summary>
    | DivOnePlusSquare of Term * Term
    /// <summary>a ^ n for a small integer n (written with a constant exponent).</summary>
    | PowInt of Term * int
    /// <summary>(1 + a²) ^ b, a variable exponent on a positive base.</summary>
    | PowPositive of Term * Term
    /// <summary>atan2(a, 1 + b²)</summary>
    | Atan2OnePlusSquare of Term * Term
    /// <summary>A one-argument function.</summary>
    | Apply of Fn * Term

/// <summary>
/// How to build one kind of value from a <see cref="T:Functional.FSharp.Testing.Term"/>: the few
/// primitive operations every wrapped shape expands into. <see cref="M:Functional.FSharp.Testing.TermModule.fold"/>
/// interprets a term in any algebra (Scalar, float, string, Expr, quotation).
/// </summary>
type TermAlgebra<'T> =
    {
        /// <summary>The variable with this index.</summary>
        Var: int -> 'T
        /// <summary>A constant.</summary>
        Const: float -> 'T
        /// <summary>Unary minus.</summary>
        Neg: 'T -> 'T
        /// <summary>Addition.</summary>
        Add: 'T -> 'T -> 'T
        /// <summary>Subtraction.</summary>
        Sub: 'T -> 'T -> 'T
        /// <summary>Multiplication.</summary>
        Mul: 'T -> 'T -> 'T
        /// <summary>Division.</summary>
        Div: 'T -> 'T -> 'T
        /// <summary>Power.</summary>
        Pow: 'T -> 'T -> 'T
        /// <summary>A one-argument function by its lower-case name (<c>sin</c>, <c>log1p</c>, …).</summary>
        Call: string -> 'T -> 'T
        /// <summary>atan2(y, x).</summary>
        Atan2: 'T -> 'T -> 'T
    }

/// <summary>Interpretations of a <see cref="T:Functional.FSharp.Testing.Term"/>.</summary>
[<CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Term =

    /// <summary>The names of variables 0–3.</summary>
    let variableNames = [| "x"; "y"; "z"; "w" |]

    /// <summary>Interprets a term in an algebra, expanding each wrapped shape into primitives.</summary>
    let rec fold (alg: TermAlgebra<'T>) (term: Term) : 'T =
        let go = fold alg
        let onePlusSquare a = alg.Add (alg.Const 1.0) (alg.Pow a (alg.Const 2.0))
        match term with
        | Var i -> alg.Var i
        | Const c -> alg.Const c
        | Neg a -> alg.Neg(go a)
        | Add(a, b) -> alg.Add (go a) (go b)
        | Sub(a, b) -> alg.Sub (go a) (go b)
        | Mul(a, b) -> alg.Mul (go a) (go b)
        | DivOnePlusSquare(a, b) -> alg.Div (go a) (onePlusSquare (go b))
        | PowInt(a, n) -> alg.Pow (go a) (alg.Const(float n))
        | PowPositive(a, b) -> alg.Pow (onePlusSquare (go a)) (go b)
        | Atan2OnePlusSquare(a, b) -> alg.Atan2 (go a) (onePlusSquare (go b))
        | Apply(fn, a) ->
            let a = go a
            match fn with
            | Sin -> alg.Call "sin" a
            | Cos -> alg.Call "cos" a
            | Atan -> alg.Call "atan" a
            | Tanh -> alg.Call "tanh" a
            | Exp -> alg.Call "exp" a
            | Sinh -> alg.Call "sinh" a
            | Cosh -> alg.Call "cosh" a
            | Expm1 -> alg.Call "expm1" a
            | Sigmoid -> alg.Call "sigmoid" a
            | Softplus -> alg.Call "softplus" a
            | LogOfOnePlusSquare -> alg.Call "log" (onePlusSquare a)
            | Log1pOfSquare -> alg.Call "log1p" (alg.Pow a (alg.Const 2.0))
            | SqrtOfOnePlusSquare -> alg.Call "sqrt" (onePlusSquare a)
            | AsinOfHalfTanh -> alg.Call "asin" (alg.Div (alg.Call "tanh" a) (alg.Const 2.0))
            | AcosOfHalfTanh -> alg.Call "acos" (alg.Div (alg.Call "tanh" a) (alg.Const 2.0))
            | TanOfBounded -> alg.Call "tan" (alg.Div a (onePlusSquare a))

    // One-argument functions by name come straight from the rule table, so a new primitive needs no edit here.
    let private scalarCall name (a: Scalar) =
        match Primitives<Scalar>.Unary.TryGetValue name with
        | true, primitive -> Scalar.Apply(primitive, a)
        | _ -> invalidArg "name" $"no Scalar function named '{name}'"

    /// <summary>The algebra of <c>Scalar</c> arithmetic over the given variable values.</summary>
    let scalarAlgebra (x: Scalar[]) : TermAlgebra<Scalar> =
        {
            Var = fun i -> x.[i]
            Const = Scalar.op_Implicit
            Neg = fun a -> -a
            Add = fun a b -> a + b
            Sub = fun a b -> a - b
            Mul = fun a b -> a * b
            Div = fun a b -> a / b
            Pow = fun a b -> Scalar.Pow(a, b)
            Call = scalarCall
            Atan2 = fun a b -> Scalar.Atan2(a, b)
        }

    /// <summary>The term as a function of <c>Scalar</c>s: what forward and reverse mode differentiate.</summary>
    let toScalarFunction (term: Term) : Scalar[] -> Scalar = fun x -> fold (scalarAlgebra x) term

    /// <summary>The term as a plain <c>float</c> function (the constant-Scalar path, unwrapped).</summary>
    let toFloatFunction (term: Term) : float[] -> float =
        let f = toScalarFunction term
        fun x -> (f (Array.map Scalar.op_Implicit x)).Value

    let private number (c: float) =
        let s = c.ToString("R", CultureInfo.InvariantCulture)
        if c < 0.0 || s.Contains "E" then $"({s})" else s

    /// <summary>The term in the syntax of <c>Expr.Parse</c> / <c>Sym.parse</c>, fully parenthesised.</summary>
    let toText (term: Term) : string =
        fold
            {
                Var = fun i -> variableNames.[i]
                Const = number
                Neg = fun a -> $"(-{a})"
                Add = fun a b -> $"({a} + {b})"
                Sub = fun a b -> $"({a} - {b})"
                Mul = fun a b -> $"({a} * {b})"
                Div = fun a b -> $"({a} / {b})"
                Pow = fun a b -> $"({a}^{b})"
                Call = fun name a -> $"{name}({a})"
                Atan2 = fun a b -> $"atan2({a}, {b})"
            }
            term

    /// <summary>The number of nodes of the term (each wrapped shape counts once).</summary>
    let rec size (term: Term) : int =
        match term with
        | Var _ | Const _ -> 1
        | Neg a | Apply(_, a) | PowInt(a, _) -> 1 + size a
        | Add(a, b) | Sub(a, b) | Mul(a, b) | DivOnePlusSquare(a, b) | PowPositive(a, b) | Atan2OnePlusSquare(a, b) ->
            1 + size a + size b

    /// <summary>The highest variable index used, or −1 for a constant term.</summary>
    let rec maxVariable (term: Term) : int =
        match term with
        | Var i -> i
        | Const _ -> -1
        | Neg a | Apply(_, a) | PowInt(a, _) -> maxVariable a
        | Add(a, b) | Sub(a, b) | Mul(a, b) | DivOnePlusSquare(a, b) | PowPositive(a, b) | Atan2OnePlusSquare(a, b) ->
            Math.Max(maxVariable a, maxVariable b)

    let private callExpr (name: string) (a: Expr) : Expr =
        match Primitives<Expr>.Unary.TryGetValue name with
        | true, primitive -> Expr.Apply(primitive, a)
        | _ -> invalidArg "name" $"no Expr function named '{name}'"

    /// <summary>The term as a symbolic expression in the variables <c>x y z w</c>.</summary>
    let toExpr (term: Term) : Expr =
        fold
            {
                Var = fun i -> Expr.Var variableNames.[i]
                Const = Expr.Const
                Neg = fun a -> -a
                Add = fun a b -> a + b
                Sub = fun a b -> a - b
                Mul = fun a b -> a * b
                Div = fun a b -> a / b
                Pow = fun a b -> Expr.Pow(a, b)
                Call = callExpr
                Atan2 = fun a b -> Expr.Atan2(a, b)
            }
            term

    /// A quotation under construction: a float constant, or a Scalar-valued quotation.
    type private Quoted =
        | Number of float
        | Quote of Quotations.Expr<Scalar>

    let private asScalar (q: Quoted) : Quotations.Expr<Scalar> =
        match q with
        | Quote e -> e
        | Number c ->
            let c = Quotations.Expr.Value c |> Quotations.Expr.Cast<float>
            <@ Scalar.op_Implicit %c @>

    let private floatQuote (c: float) = Quotations.Expr.Value c |> Quotations.Expr.Cast<float>

    /// Combines two quoted operands the way a person writes F#: float literals stay floats and meet
    /// Scalars through the mixed (float, Scalar) operators.
    let private quoteBinary
        (onFloats: float -> float -> float)
        (ss: Quotations.Expr<Scalar> -> Quotations.Expr<Scalar> -> Quotations.Expr<Scalar>)
        (fs: Quotations.Expr<float> -> Quotations.Expr<Scalar> -> Quotations.Expr<Scalar>)
        (sf: Quotations.Expr<Scalar> -> Quotations.Expr<float> -> Quotations.Expr<Scalar>)
        (a: Quoted) (b: Quoted) : Quoted =
        match a, b with
        | Number x, Number y -> Number(onFloats x y)
        | Number x, Quote y -> Quote(fs (floatQuote x) y)
        | Quote x, Number y -> Quote(sf x (floatQuote y))
        | Quote x, Quote y -> Quote(ss x y)

    /// The static Scalar method of a table primitive (Scalar.Erf for "erf"): the quotation of a function
    /// that has no F# operator of its own.
    let private scalarMethod (name: string) =
        typeof<Scalar>.GetMethods()
        |> Array.tryFind (fun m ->
            m.IsStatic && m.Name.ToLowerInvariant() = name
            && (m.GetParameters() |> Array.map (fun p -> p.ParameterType)) = [| typeof<Scalar> |])
        |> Option.defaultWith (fun () -> invalidArg "name" $"no Scalar function named '{name}'")

    let private quoteCall (name: string) (a: Quoted) : Quoted =
        match a with
        | Number c -> Number((scalarCall name (Scalar.op_Implicit c)).Value)
        | Quote a ->
            Quote(
                match name with
                | "sin" -> <@ sin %a @>
                | "cos" -> <@ cos %a @>
                | "tan" -> <@ tan %a @>
                | "asin" -> <@ asin %a @>
                | "acos" -> <@ acos %a @>
                | "atan" -> <@ atan %a @>
                | "tanh" -> <@ tanh %a @>
                | "sinh" -> <@ sinh %a @>
                | "cosh" -> <@ cosh %a @>
                | "exp" -> <@ exp %a @>
                | "expm1" -> <@ Functional.FSharp.Combinators.expm1 %a @>
                | "log" -> <@ log %a @>
                | "log1p" -> <@ Functional.FSharp.Combinators.log1p %a @>
                | "sqrt" -> <@ sqrt %a @>
                | "sigmoid" -> <@ Functional.FSharp.Combinators.sigmoid %a @>
                | "softplus" -> <@ Functional.FSharp.Combinators.softplus %a @>
                | other -> Quotations.Expr.Cast<Scalar>(Quotations.Expr.Call(scalarMethod other, [ a ])))

    /// <summary>
    /// The term as the quotation of a curried F# lambda over <c>Scalar</c> parameters named
    /// <c>x y z w</c> (the first <paramref name="arity"/> of them), written the way a person would:
    /// <c>&lt;@ fun x y -&gt; 2.0 * x + sin y ** 2.0 @&gt;</c> — float literals mix with Scalars through the
    /// (float, Scalar) operators, <c>**</c> and <c>**.</c> for powers, F#'s <c>sin</c>, <c>exp</c>, … for functions.
    /// </summary>
    let toQuotation (arity: int) (term: Term) : Quotations.Expr =
        let vars = Array.init arity (fun i -> Quotations.Var(variableNames.[i], typeof<Scalar>))
        let body =
            fold
                {
                    Var = fun i -> Quote(Quotations.Expr.Var vars.[i] |> Quotations.Expr.Cast<Scalar>)
                    Const = Number
                    Neg = function
                        | Number c -> Number(-c)
                        | Quote a -> Quote <@ -(%a) @>
                    Add = quoteBinary (+) (fun a b -> <@ %a + %b @>) (fun a b -> <@ %a + %b @>) (fun a b -> <@ %a + %b @>)
                    Sub = quoteBinary (-) (fun a b -> <@ %a - %b @>) (fun a b -> <@ %a - %b @>) (fun a b -> <@ %a - %b @>)
                    Mul = quoteBinary (*) (fun a b -> <@ %a * %b @>) (fun a b -> <@ %a * %b @>) (fun a b -> <@ %a * %b @>)
                    Div = quoteBinary (/) (fun a b -> <@ %a / %b @>) (fun a b -> <@ %a / %b @>) (fun a b -> <@ %a / %b @>)
                    Pow = quoteBinary (fun a b -> Math.Pow(a, b)) (fun a b -> <@ %a ** %b @>) (fun a b -> <@ %a **. %b @>) (fun a b -> <@ %a ** %b @>)
                    Call = quoteCall
                    Atan2 = fun a b -> Quote(let a, b = asScalar a, asScalar b in <@ atan2 %a %b @>)
                }
                term
        Array.foldBack (fun v body -> Quotations.Expr.Lambda(v, body)) vars (asScalar body :> Quotations.Expr)
