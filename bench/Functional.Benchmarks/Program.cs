using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Functional.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
