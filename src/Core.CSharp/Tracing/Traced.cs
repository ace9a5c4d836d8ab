using Functional.Symbolic;
using Functional.Tracing;

namespace Functional;

/// <summary>
/// A function recorded by <see cref="AD.Trace(Func{Scalar[], Scalar}, double[], bool)"/> as a static
/// straight-line program, replayed on plain doubles: value, gradient, Hessian-vector products and
/// Hessians at any point cost a few passes over flat arrays, with no allocation per call.
/// </summary>
/// <remarks>
/// <para><b>Guards.</b> Every comparison that involved the inputs when f was traced (<c>if (x &gt; 0)</c>;
/// <c>Max</c>, <c>Abs</c> and the like are primitives, not comparisons) is re-checked on every call. When one comes out the
/// other way, the program is not f at that point: by default f is traced again there
/// (<see cref="Retraces"/> counts it); with <c>strict: true</c> the call throws
/// <see cref="InvalidOperationException"/> naming the comparison. A result is never silently wrong
/// because of a branch.</para>
/// <para><b>What a trace cannot see.</b> A <see cref="Scalar.Value"/> read inside f (and
/// <see cref="AD.StopGradient"/>) gives a plain number, which the program records as a constant: its
/// value at the traced point is used at every point. Control flow on such a number is invisible to
/// the guards. Operations made at run time (custom rules, vector ops, checkpoints) cannot be traced
/// and throw <see cref="NotSupportedException"/>.</para>
/// <para>Not thread-safe: an instance owns the buffers it replays on. Use one instance per thread.</para>
/// </remarks>
public sealed class Traced
{
    private readonly Func<Scalar[], Scalar> function;
    private readonly bool strict;
    private readonly bool compiled;
    private TraceProgram program;
    private CompiledProgram? kernels;

    internal Traced(Func<Scalar[], Scalar> function, TraceProgram program, bool strict, bool compiled, ReadOnlySpan<double> point)
    {
        this.function = function;
        this.program = program;
        this.strict = strict;
        this.compiled = compiled;
        program.Load(point);
        if (compiled) kernels = CompiledProgram.Compile(program);
    }

    /// <summary>The number of inputs (the length of x).</summary>
    public int Inputs => program.Inputs;

    /// <summary>The number of recorded operations (after merging common subexpressions).</summary>
    public int Operations => program.Length;

    /// <summary>How many times a guard failed and f was traced again at the new point.</summary>
    public int Retraces { get; private set; }

    /// <summary>True for the instance returned by <see cref="Compile"/> (a program longer than 50,000
    /// operations is not compiled: it keeps replaying, as compiling it would cost more than it saves).</summary>
    public bool IsCompiled => compiled;

    /// <summary>f(x).</summary>
    /// <exception cref="ArgumentException">x does not have <see cref="Inputs"/> elements.</exception>
    /// <exception cref="InvalidOperationException">Under <c>strict: true</c>, a guard failed at x.</exception>
    public double Value(ReadOnlySpan<double> x)
    {
        CheckLength(x, nameof(x));
        Run(x, gradient: false);
        return program.Value;
    }

    /// <summary>f(x), and ∇f(x) written into <paramref name="gradient"/>; allocates nothing.</summary>
    /// <exception cref="ArgumentException">x or gradient does not have <see cref="Inputs"/> elements.</exception>
    /// <exception cref="InvalidOperationException">Under <c>strict: true</c>, a guard failed at x.</exception>
    public double ValueAndGrad(ReadOnlySpan<double> x, Span<double> gradient)
    {
        CheckLength(x, nameof(x));
        CheckLength(gradient, nameof(gradient));
        Run(x, gradient: true);
        program.ReadGradient(gradient);
        return program.Value;
    }

    /// <summary>The Hessian-vector product H(x)·v, by forward-over-reverse on the program.</summary>
    /// <exception cref="ArgumentException">x, v or result does not have <see cref="Inputs"/> elements.</exception>
    /// <exception cref="InvalidOperationException">Under <c>strict: true</c>, a guard failed at x.</exception>
    public void Hvp(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> result)
    {
        CheckLength(x, nameof(x));
        CheckLength(v, nameof(v));
        CheckLength(result, nameof(result));
        RunSecondOrder(x);
        program.TangentSweep(v, result);
    }

    /// <summary>The Hessian at x, written into <paramref name="result"/> (n × n): one forward and one
    /// reverse pass, then one cheap tangent sweep per column.</summary>
    /// <exception cref="ArgumentNullException">result is null.</exception>
    /// <exception cref="ArgumentException">x or result has the wrong size.</exception>
    /// <exception cref="InvalidOperationException">Under <c>strict: true</c>, a guard failed at x.</exception>
    public void Hessian(ReadOnlySpan<double> x, double[,] result)
    {
        ArgumentNullException.ThrowIfNull(result);
        CheckLength(x, nameof(x));
        if (result.GetLength(0) != Inputs || result.GetLength(1) != Inputs)
            throw new ArgumentException($"the Hessian of a function of {Inputs} inputs is {Inputs} × {Inputs}, not {result.GetLength(0)} × {result.GetLength(1)}", nameof(result));
        RunSecondOrder(x);
        program.Hessian(result);
    }

    /// <summary>The same function with <see cref="Value"/> and <see cref="ValueAndGrad"/> emitted as
    /// straight-line code (System.Linq.Expressions), split into methods of bounded size. Hessians stay
    /// on the replay; a retrace recompiles.</summary>
    public Traced Compile() => new(function, program, strict, compiled: true, LastPoint()) { Retraces = Retraces };

    /// <summary>The program as a Graphviz graph (one node per input, constant and operation, with its
    /// value and its gradient — the adjoint ∂f/∂node — at the last point evaluated), guards as diamonds.</summary>
    public string ToDot()
    {
        Run(LastPoint(), gradient: true, useKernels: false);
        return DotWriter.Write(program);
    }

    /// <summary>The program as a symbolic expression in the variables <paramref name="names"/> (one per
    /// input). It is f on the branch taken at the traced point: guards do not appear in it.</summary>
    /// <exception cref="ArgumentNullException">names is null.</exception>
    /// <exception cref="ArgumentException">names does not have one valid identifier per input.</exception>
    public Expr ToExpr(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length != Inputs)
            throw new ArgumentException($"the traced function has {Inputs} inputs, so it needs {Inputs} variable names, not {names.Length}", nameof(names));
        return ExprBuilder.Build(program, names);
    }

    /// <summary>The point last evaluated (the program's input slots keep it).</summary>
    private double[] LastPoint() => program.Values.AsSpan(program.FirstInput, Inputs).ToArray();

    private void CheckLength(ReadOnlySpan<double> span, string name)
    {
        if (span.Length != Inputs)
            throw new ArgumentException($"the traced function has {Inputs} inputs, but {name} has {span.Length} elements", name);
    }

    /// <summary>Evaluates the program at x (with partials and adjoints when <paramref name="gradient"/>),
    /// retracing once if a guard fails.</summary>
    private void Run(ReadOnlySpan<double> x, bool gradient, bool useKernels = true)
    {
        Evaluate(x, gradient, useKernels);
        var failed = program.FailedGuard();
        if (failed < 0) return;
        Retrace(x, failed);
        Evaluate(x, gradient, useKernels);
        if (program.FailedGuard() >= 0)
            throw new InvalidOperationException("AD.Trace: f took a different branch at the point where it was just traced; a traced function must be deterministic");
    }

    private void RunSecondOrder(ReadOnlySpan<double> x)
    {
        Evaluate(x, gradient: false, useKernels: false);
        var failed = program.FailedGuard();
        if (failed >= 0)
        {
            Retrace(x, failed);
            Evaluate(x, gradient: false, useKernels: false);
        }
        program.ForwardWithPartials();
        program.Reverse();
        program.SecondOrder();
    }

    private void Evaluate(ReadOnlySpan<double> x, bool gradient, bool useKernels)
    {
        program.Load(x);
        if (useKernels && kernels is not null)
        {
            if (gradient) kernels.ValueAndGrad(program.Values, program.Adjoints);
            else kernels.Value(program.Values);
        }
        else if (gradient)
        {
            program.Forward();
            program.ReverseFromValues();
        }
        else
        {
            program.Forward();
        }
    }

    private void Retrace(ReadOnlySpan<double> x, int failed)
    {
        var guard = program.Guards[failed];
        if (strict)
            throw new InvalidOperationException(
                $"AD.Trace (strict): the comparison {program.Describe(guard)} was {Word(guard.Outcome)} when f was traced " +
                $"but is {Word(!guard.Outcome)} at the new point, so the traced program is not f there. " +
                "Trace without strict to retrace automatically, or trace at a point on this branch.");
        program = Tracer.Record(function, x);
        kernels = compiled ? CompiledProgram.Compile(program) : null;
        Retraces++;
    }

    private static string Word(bool outcome) => outcome ? "true" : "false";
}
