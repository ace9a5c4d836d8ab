namespace Functional.FSharp

open System
open Functional

/// <summary>
/// Seed 004's advanced AD over F# functions: stop-gradient, custom derivative rules, checkpointing and
/// implicit differentiation through solvers (see <see cref="T:Functional.AD"/> for the semantics).
/// Brought into scope by <c>open Functional.FSharp</c>.
/// </summary>
[<AutoOpen>]
module Advanced =

    /// <summary>The value of x as a constant to every differentiation (JAX's <c>stop_gradient</c>).</summary>
    let stopGradient (x: Scalar) : Scalar = AD.StopGradient x

    /// <summary>f with the derivative <paramref name="derivative"/> (in Scalar operations, so it nests);
    /// f itself is only evaluated on plain values: <c>customDerivative stableSoftplus sigmoid</c>.</summary>
    let customDerivative (f: Scalar -> Scalar) (derivative: Scalar -> Scalar) : Scalar -> Scalar =
        let g = AD.CustomDerivative(Func<Scalar, Scalar> f, Func<Scalar, Scalar> derivative)
        fun x -> g.Invoke x

    /// <summary>f with the forward rule <c>jvp x v</c> = J(x)·v; reverse mode transposes it.</summary>
    let customJvp (f: Scalar[] -> Scalar[]) (jvp: Scalar[] -> Scalar[] -> Scalar[]) : Scalar[] -> Scalar[] =
        let g = AD.CustomJvp(Func<Scalar[], Scalar[]> f, Func<Scalar[], Scalar[], Scalar[]>(fun x v -> jvp x v))
        fun x -> g.Invoke x

    /// <summary>f with the reverse rule <c>vjp x u</c> = uᵀ·J(x); forward mode through it throws
    /// <see cref="T:System.InvalidOperationException"/> ("no JVP rule").</summary>
    let customVjp (f: Scalar[] -> Scalar[]) (vjp: Scalar[] -> Scalar[] -> Scalar[]) : Scalar[] -> Scalar[] =
        let g = AD.CustomVjp(Func<Scalar[], Scalar[]> f, Func<Scalar[], Scalar[], Scalar[]>(fun x u -> vjp x u))
        fun x -> g.Invoke x

    /// <summary>f recomputed during the backward sweep instead of recorded (gradients bit-identical,
    /// memory of a long loop O(√L) when split into √L checkpointed segments).</summary>
    let checkpoint (f: Scalar[] -> Scalar[]) : Scalar[] -> Scalar[] =
        let g = AD.Checkpoint(Func<Scalar[], Scalar[]> f)
        fun x -> g.Invoke x

    /// <summary>θ ↦ x*(θ) with <c>residual x* θ</c> = 0, found by <c>solve θ</c> on floats and
    /// differentiated by the implicit function theorem (never by unrolling the solver).</summary>
    let implicit (solve: float[] -> float[]) (residual: Scalar[] -> Scalar[] -> Scalar[]) : Scalar[] -> Scalar[] =
        let g = AD.Implicit(Func<float[], float[]> solve, Func<Scalar[], Scalar[], Scalar[]>(fun x theta -> residual x theta))
        fun theta -> g.Invoke theta

    /// <summary>θ ↦ x* with x* = g x* θ, iterated from x0 to the given tolerance within maxIterations
    /// steps; derivatives by the implicit function theorem.</summary>
    let fixedPointWith (tolerance: float) (maxIterations: int) (g: Scalar[] -> Scalar[] -> Scalar[]) (x0: float[]) : Scalar[] -> Scalar[] =
        let h = AD.FixedPoint(Func<Scalar[], Scalar[], Scalar[]>(fun x theta -> g x theta), x0, tolerance, maxIterations)
        fun theta -> h.Invoke theta

    /// <summary>θ ↦ x* with x* = g x* θ, iterated from x0 (tolerance 1e-12, at most 10 000 steps).</summary>
    let fixedPoint (g: Scalar[] -> Scalar[] -> Scalar[]) (x0: float[]) : Scalar[] -> Scalar[] =
        fixedPointWith 1e-12 10_000 g x0
