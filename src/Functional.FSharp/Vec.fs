namespace Functional.FSharp

open Functional

/// <summary>
/// The whole-array operations of <see cref="T:Functional.Vec"/> as curried F# functions with the
/// array last, so they read well in pipelines:
/// <c>x |&gt; Vec.matVec w |&gt; Vec.map tanh |&gt; Vec.softmax |&gt; Vec.kl target</c>. Each call is one
/// operation for every differentiation (one tape entry, one forward rule) and nests.
/// </summary>
[<RequireQualifiedAccess>]
[<CompilationRepresentation(CompilationRepresentationFlags.ModuleSuffix)>]
module Vec =

    /// <summary>a·b.</summary>
    let dot (a: Scalar[]) (b: Scalar[]) : Scalar = Functional.Vec.Dot(a, b)

    /// <summary>Σ aᵢ.</summary>
    let sum (a: Scalar[]) : Scalar = Functional.Vec.Sum a

    /// <summary>The mean of the elements.</summary>
    let mean (a: Scalar[]) : Scalar = Functional.Vec.Mean a

    /// <summary>‖a‖².</summary>
    let squaredNorm (a: Scalar[]) : Scalar = Functional.Vec.SquaredNorm a

    /// <summary>a + b, elementwise.</summary>
    let add (a: Scalar[]) (b: Scalar[]) : Scalar[] = Functional.Vec.Add(a, b)

    /// <summary>a − b, elementwise: <c>a |&gt; Vec.subtract b</c> is a − b.</summary>
    let subtract (b: Scalar[]) (a: Scalar[]) : Scalar[] = Functional.Vec.Subtract(a, b)

    /// <summary>a ⊙ b, elementwise.</summary>
    let multiply (a: Scalar[]) (b: Scalar[]) : Scalar[] = Functional.Vec.Multiply(a, b)

    /// <summary>s·a.</summary>
    let scale (s: Scalar) (a: Scalar[]) : Scalar[] = Functional.Vec.Scale(s, a)

    /// <summary>f applied to every element (f may close over values being differentiated).</summary>
    let map (f: Scalar -> Scalar) (a: Scalar[]) : Scalar[] = Functional.Vec.Map(a, System.Func<Scalar, Scalar> f)

    /// <summary>W·x.</summary>
    let matVec (w: Scalar[,]) (x: Scalar[]) : Scalar[] = Functional.Vec.MatVec(w, x)

    /// <summary>W·x for a constant matrix of floats.</summary>
    let matVecConst (w: float[,]) (x: Scalar[]) : Scalar[] = Functional.Vec.MatVec(w, x)

    /// <summary>A·B (<c>a |&gt; Vec.matMul b</c> is a·b).</summary>
    let matMul (b: Scalar[,]) (a: Scalar[,]) : Scalar[,] = Functional.Vec.MatMul(a, b)

    /// <summary>A·B for a constant left factor of floats (<c>w |&gt; Vec.matMulConst x</c> is x·w).</summary>
    let matMulConst (a: float[,]) (b: Scalar[,]) : Scalar[,] = Functional.Vec.MatMul(a, b)

    /// <summary>b added to every row of A (a layer's bias on a batch).</summary>
    let addToRows (b: Scalar[]) (a: Scalar[,]) : Scalar[,] = Functional.Vec.AddToRows(a, b)

    /// <summary>softmax(z), stable at extreme logits.</summary>
    let softmax (z: Scalar[]) : Scalar[] = Functional.Vec.Softmax z

    /// <summary>log softmax(z).</summary>
    let logSoftmax (z: Scalar[]) : Scalar[] = Functional.Vec.LogSoftmax z

    /// <summary>log Σ exp zᵢ.</summary>
    let logSumExp (z: Scalar[]) : Scalar = Functional.Vec.LogSumExp z

    /// <summary>−log softmax(logits)[label] (<c>logits |&gt; Vec.crossEntropy 2</c>).</summary>
    let crossEntropy (label: int) (logits: Scalar[]) : Scalar = Functional.Vec.CrossEntropy(logits, label)

    /// <summary>The mean cross-entropy of a batch of logits (one row per example).</summary>
    let crossEntropyBatch (labels: int[]) (logits: Scalar[,]) : Scalar = Functional.Vec.CrossEntropy(logits, labels)

    /// <summary>KL(p‖q) with 0·log 0 = 0 (<c>q |&gt; Vec.kl p</c>).</summary>
    let kl (p: Scalar[]) (q: Scalar[]) : Scalar = Functional.Vec.Kl(p, q)

    /// <summary>A rows×cols matrix from values in row-major order.</summary>
    let reshape (rows: int) (cols: int) (values: Scalar[]) : Scalar[,] = Functional.Vec.Reshape(System.ReadOnlySpan values, rows, cols)
