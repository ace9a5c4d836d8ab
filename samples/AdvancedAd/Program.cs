using Functional.AdvancedAd;

// Seed 004's advanced AD, one example per name (`dotnet run --project samples/AdvancedAd -- maml`);
// no name runs them all. Run `checkpoint` alone for a clean peak-memory measurement.
var examples = new (string Name, string Summary, Action<TextWriter> Run)[]
{
    ("checkpoint", "a 10^5-step loop: gradient and peak memory with and without checkpointing", CheckpointedLoop.Run),
    ("softplus", "numerically stable softplus with a custom derivative", StableSoftplus.Run),
    ("clipping", "gradient clipping with a custom VJP", GradientClipping.Run),
    ("sqrt", "sqrt by Newton's method, differentiated by the implicit function theorem", ImplicitSqrt.Run),
    ("ridge", "ridge regression dz*/dtheta by the IFT vs closed form and finite differences", RidgeRegression.Run),
    ("maml", "MAML: differentiating through a gradient step", Maml.Run),
};
var unknown = args.Where(a => examples.All(e => e.Name != a)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown example: {string.Join(", ", unknown)}");
    Console.WriteLine("usage: Functional.AdvancedAd [example ...]");
    foreach (var e in examples) Console.WriteLine($"  {e.Name,-12} {e.Summary}");
    return 1;
}
foreach (var (name, summary, run) in examples.Where(e => args.Length == 0 || args.Contains(e.Name)))
{
    Console.WriteLine($"== {name}: {summary}");
    run(Console.Out);
    Console.WriteLine();
}
return 0;
