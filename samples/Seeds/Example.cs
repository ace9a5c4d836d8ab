namespace Functional.Seeds;

/// <summary>One runnable example: a name to pick it by on the command line, a one-line summary,
/// and the code that prints its numbers.</summary>
/// <param name="Name">The name, e.g. <c>tanh-neuron</c>.</param>
/// <param name="Summary">What it shows, in one line.</param>
/// <param name="Run">Prints the example's output.</param>
public sealed record Example(string Name, string Summary, Action<TextWriter> Run)
{
    /// <summary>Every example, in the order the program runs them.</summary>
    public static IReadOnlyList<Example> All { get; } =
    [
        new("seed-gradient", "seed 000: f(x1,x2) = x1*x2 + exp(x1*x2) - sin(x2) at (1,2), forward and reverse", SeedGradient.Run),
        new("topological-order", "seed 000: d = ln(1/(2x)) + 2x, whose derivative 1 needs a topological sweep", TopologicalOrder.Run),
        new("micrograd-expression", "seed 001: L = (a + b)(a - b)·b, its gradient and one descent step", MicrogradExpression.Run),
        new("tanh-neuron", "seed 001: o = tanh(x1*w1 + x2*w2 + b), the tutorial's neuron", TanhNeuron.Run),
        new("mlp", "seed 001: a 3-4-4-1 tanh MLP trained by gradient descent on micrograd's four samples", Mlp.Run),
        new("minimise", "gradient descent with Grad on a quadratic and on Rosenbrock's function", Minimise.Run),
        new("forward-vs-reverse", "seeds 002-004: forward (one pass per input) and reverse (one pass) on the same function", ForwardVersusReverse.Run),
        new("hessian-vector", "Hessian-vector products (forward-over-reverse) against the full Hessian", HessianVectorProducts.Run),
        new("trace-graph", "seed 001's draw_dot: the tanh neuron traced, replayed and written as trace.dot (and trace.png)", TraceGraph.Run),
    ];
}
