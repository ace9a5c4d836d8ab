using BenchmarkDotNet.Running;
using Functional.Benchmarks.Crossover;

// dotnet run -c Release --project bench/Functional.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Functional.Benchmarks -- crossover-report <JacobianCrossover-report.csv> <out-dir>
// dotnet run -c Release --project bench/Functional.Benchmarks -- sympy-export bench/sympy/cases.csv   (then python3 bench/sympy/compare.py)
if (args is ["crossover-report", var csv, var output]) CrossoverReport.Run(csv, output);
else if (args is ["sympy-export", var path]) Functional.Benchmarks.SympyExport.Run(path);
else BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
