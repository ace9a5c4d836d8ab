using Functional.Seeds;

// Runs every seed example, or the ones named on the command line (`dotnet run --project samples/Seeds -- mlp`).
var chosen = args.Length == 0 ? Example.All : Example.All.Where(e => args.Contains(e.Name)).ToList();
if (args.Length > 0 && (args.Contains("--help") || args.Contains("-h") || chosen.Count != args.Length))
{
    var unknown = args.Where(a => Example.All.All(e => e.Name != a) && a is not ("--help" or "-h")).ToList();
    if (unknown.Count > 0) Console.Error.WriteLine($"unknown example: {string.Join(", ", unknown)}");
    Console.WriteLine("usage: Functional.Seeds [example ...]   (no name runs them all)");
    foreach (var e in Example.All) Console.WriteLine($"  {e.Name,-22} {e.Summary}");
    return unknown.Count > 0 ? 1 : 0;
}

foreach (var example in chosen)
{
    Console.WriteLine($"== {example.Name}: {example.Summary}");
    example.Run(Console.Out);
    Console.WriteLine();
}
return 0;
