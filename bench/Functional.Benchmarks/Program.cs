using BenchmarkDotNet.Running;
using Functional.Benchmarks.Crossover;

// dotnet run -c Release --project bench/Functional.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Functional.Benchmarks -- crossover-report <JacobianCrossover-report.csv> <out-dir>
if (args is ["crossover-report", var csv, var output]) CrossoverReport.Run(csv, output);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
