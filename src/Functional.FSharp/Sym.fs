namespace Functional.FSharp

open System
open System.Collections.Generic
open Microsoft.FSharp.Quotations
open Microsoft.FSharp.Quotations.Patterns
open Functional
open Functional.Symbolic

/// <summary>
/// The symbolic engine from F#, in pipeline form:
/// <c>"x^3 + sin(x)" |&gt; Sym.parse |&gt; Sym.diff "x" |&gt; Sym.simplify</c>. F# quotations of lambdas
/// become expressions with <see cref="M:Functional.FSharp.SymModule.ofQuotation(Microsoft.FSharp.Quotations.FSharpExpr)"/>.
/// </summary>
[<RequireQualifiedAccess>]
[<CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Sym =

    /// <summary>Parses an expression (grammar of <c>Expr.Parse</c>: <c>+ - * / ^ **</c>, the
    /// <c>Scalar</c> function names in lower case, <c>pi</c>, <c>e</c>).</summary>
    /// <exception cref="T:System.FormatException">A syntax error; the message gives its position.</exception>
    let parse (text: string) : Expr = Expr.Parse text

    /// <summary>The variable called <paramref name="name"/>.</summary>
    let var (name: string) : Expr = Expr.Var name

    /// <summary>The constant <paramref name="value"/>.</summary>
    let constant (value: float) : Expr = Expr.Const value

    /// <summary>The derivative with respect to <paramref name="variable"/> (unsimplified; pipe into
    /// <see cref="M:Functional.FSharp.SymModule.simplify(Functional.Symbolic.Expr)"/> for a tidy form).</summary>
    let diff (variable: string) (e: Expr) : Expr = e.Diff variable

    /// <summary>The partial derivatives with respect to each variable, in order.</summary>
    let gradient (variables: string list) (e: Expr) : Expr list = e.Gradient(Array.ofList variables) |> List.ofArray

    /// <summary>An equal-valued, tidier expression.</summary>
    let simplify (e: Expr) : Expr = e.Simplify()

    /// <summary>Simplification with chosen stages (see <c>SimplifyOptions</c>).</summary>
    let simplifyWith (options: SimplifyOptions) (e: Expr) : Expr = e.Simplify options

    /// <summary>Products and integer powers of sums multiplied out, like terms collected:
    /// <c>(x + 1)^2</c> → <c>x^2 + 2*x + 1</c>.</summary>
    /// <exception cref="T:System.InvalidOperationException">The expansion would exceed 100 000 terms.</exception>
    let expand (e: Expr) : Expr = e.Expand()

    /// <summary>Replaces the variable <paramref name="variable"/> by <paramref name="replacement"/>:
    /// <c>e |&gt; Sym.subs "x" (Sym.parse "y + 1")</c>.</summary>
    let subs (variable: string) (replacement: Expr) (e: Expr) : Expr = e.Substitute(variable, replacement)

    /// <summary>The Taylor coefficients c₀ … c_order in <paramref name="variable"/> about
    /// <paramref name="at"/> (cₖ = f⁽ᵏ⁾(at)/k!), as exact expressions where possible.</summary>
    /// <exception cref="T:System.ArgumentOutOfRangeException">The order is negative or above 64, or the point is not finite.</exception>
    let series (variable: string) (at: float) (order: int) (e: Expr) : Expr list = e.Series(variable, at, order) |> List.ofArray

    /// <summary>The value at the given variable values.</summary>
    /// <exception cref="T:System.Collections.Generic.KeyNotFoundException">A variable has no value; the message names it.</exception>
    let eval (env: Map<string, float>) (e: Expr) : float = e.Evaluate(env :> IReadOnlyDictionary<string, float>)

    /// <summary>Compiles to a fast <c>float[] -&gt; float</c> taking the values of <paramref name="variables"/> in order.</summary>
    /// <exception cref="T:System.ArgumentException">A variable of the expression is not listed.</exception>
    let compile (variables: string list) (e: Expr) : float[] -> float =
        let f = e.Compile(Array.ofList variables)
        fun x -> f.Invoke x

    /// <summary>The expression as a function of <c>Scalar</c>s (arguments in the order of
    /// <paramref name="variables"/>), ready for <c>grad</c>, <c>hessian</c>, <c>diff</c>…</summary>
    let toFunction (variables: string list) (e: Expr) : Scalar[] -> Scalar =
        let f = e.ToFunc(Array.ofList variables)
        fun x -> f.Invoke x

    /// <summary>The variables of the expression.</summary>
    let variables (e: Expr) : string list = List.ofSeq e.Variables

    /// <summary>LaTeX for the expression.</summary>
    let toLatex (e: Expr) : string = e.ToLatex()

    // ---- quotations ---------------------------------------------------------------------------

    // Function names come from the rule table (a new primitive needs no edit here); the rest are
    // the F# operator and conversion names a quotation uses.
    let private unary: IDictionary<string, Expr -> Expr> =
        let fromTable =
            Primitives<Expr>.Unary |> Seq.map (fun entry -> entry.Key, (fun a -> Expr.Apply(entry.Value, a)))
        let operators =
            [ "op_unarynegation", (fun (a: Expr) -> -a); "op_unaryplus", id
              // conversions between float and Scalar carry the value unchanged
              "op_implicit", id; "op_explicit", id; "todouble", id; "constant", id ]
        dict (Seq.append fromTable operators)

    let private binary: IDictionary<string, Expr -> Expr -> Expr> =
        let fromTable =
            Primitives<Expr>.Binary |> Seq.map (fun entry -> entry.Key, (fun a b -> Expr.Apply(entry.Value, a, b)))
        let operators =
            [ "op_addition", (fun (a: Expr) (b: Expr) -> a + b); "op_subtraction", (fun a b -> a - b)
              "op_multiply", (fun a b -> a * b); "op_division", (fun a b -> a / b)
              "op_exponentiation", (fun a b -> Expr.Pow(a, b)); "op_multiplymultiplydot", (fun a b -> Expr.Pow(a, b))
              "powinteger", (fun a b -> Expr.Pow(a, b)) ]
        dict (Seq.append fromTable operators)

    let private numberTypes = HashSet<Type>([ typeof<Scalar>; typeof<float>; typeof<float32>; typeof<int> ])

    let private unsupported (what: string) (q: Quotations.Expr) =
        let text = sprintf "%A" q
        let text = if text.Length > 200 then text.Substring(0, 200) + "…" else text
        raise (NotSupportedException($"Sym.ofQuotation: {what} is not supported (in {text})"))

    let rec private translate (env: Map<Var, Expr>) (q: Quotations.Expr) : Expr =
        match q with
        | Patterns.Var v ->
            match env.TryFind v with
            | Some e -> e
            | None -> unsupported $"the free variable '{v.Name}' (only lambda parameters and let-bound values can be used)" q
        | Value(value, t) ->
            match value with
            | :? float as c -> Expr.Const c
            | :? float32 as c -> Expr.Const(float c)
            | :? int as c -> Expr.Const(float c)
            | :? Scalar as c -> Expr.Const c.Value
            | _ -> unsupported $"a constant of type {t.Name}" q
        | Let(v, value, body) -> translate (env.Add(v, translate env value)) body
        | Call(None, m, [ a ]) when unary.ContainsKey(m.Name.ToLowerInvariant()) ->
            unary.[m.Name.ToLowerInvariant()] (translate env a)
        | Call(None, m, [ a; b ]) when binary.ContainsKey(m.Name.ToLowerInvariant()) ->
            binary.[m.Name.ToLowerInvariant()] (translate env a) (translate env b)
        | Call(_, m, args) ->
            unsupported $"the call of {m.DeclaringType.Name}.{m.Name} with {args.Length} argument(s)" q
        | IfThenElse _ -> unsupported "if-then-else (expressions have no conditionals; use max, min, abs or relu)" q
        | Lambda _ -> unsupported "a lambda inside the body" q
        | Application _ -> unsupported "applying a function value (inline it, or use a let-binding of a number)" q
        | PropertyGet(_, p, _) -> unsupported $"the property {p.DeclaringType.Name}.{p.Name}" q
        | _ -> unsupported $"the construct {q.GetType().Name}" q

    /// <summary>
    /// The parameter names and body of a quotation of a curried lambda whose parameters are numbers
    /// (<c>Scalar</c> or <c>float</c>), e.g. <c>&lt;@ fun x y -&gt; x * sin y + exp (x * y) @&gt;</c>. The body may
    /// use <c>+ - * /</c>, unary minus, <c>**</c> and <c>**.</c>, <c>pown</c>, F#'s <c>sin cos tan asin acos atan
    /// atan2 sinh cosh tanh exp log sqrt abs max min</c>, the <c>Scalar</c>/<c>Math</c> static functions,
    /// <c>sigmoid softplus relu log1p expm1 xlogy</c>, float/int literals, conversions (<c>float</c>, implicit
    /// float→Scalar) and <c>let</c>-bindings. Each parameter becomes the variable of the same name.
    /// </summary>
    /// <exception cref="T:System.NotSupportedException">Any other construct (the message names it and shows the quotation).</exception>
    let ofQuotationWithParameters (q: Quotations.Expr) : string list * Expr =
        let rec peel (env: Map<Var, Expr>) (names: string list) (q: Quotations.Expr) =
            match q with
            | Lambda(v, body) when numberTypes.Contains v.Type ->
                peel (env.Add(v, Expr.Var v.Name)) (v.Name :: names) body
            | Lambda(v, _) -> unsupported $"the parameter '{v.Name}' of type {v.Type.Name} (parameters must be Scalar or float)" q
            | body when names.IsEmpty -> unsupported "a quotation that is not a lambda (write <@ fun x -> ... @>)" body
            | body -> List.rev names, translate env body
        peel Map.empty [] q

    /// <summary>The expression of a quotation of a curried lambda over <c>Scalar</c> or <c>float</c> parameters:
    /// <c>Sym.ofQuotation &lt;@ fun x y -&gt; x * sin y + exp (x * y) @&gt;</c> is <c>x*sin(y) + exp(x*y)</c>.
    /// See <see cref="M:Functional.FSharp.SymModule.ofQuotationWithParameters(Microsoft.FSharp.Quotations.FSharpExpr)"/>
    /// for what the body may contain.</summary>
    /// <exception cref="T:System.NotSupportedException">An unsupported construct; the message names it.</exception>
    let ofQuotation (q: Quotations.Expr) : Expr = snd (ofQuotationWithParameters q)
