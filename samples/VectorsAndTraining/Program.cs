using Functional.Samples.Vectors;

// dotnet run --project samples/VectorsAndTraining [-- loss.png]
var plotPath = args.Length > 0 ? args[0] : "training-loss.png";

var (difference, parameters) = new AffineBackprop().Compare();
Console.WriteLine($"Seed 003, affine layers + softmax + KL: AD vs hand-derived backprop over {parameters} parameters, largest difference {difference:E2}");

var training = new MlpTraining();
var (history, _, before, after) = training.Train();
Console.WriteLine($"MLP 2→16 tanh→3 on {training.Labels.Length} spiral points with Adam:");
for (var step = 0; step < history.Count - 1; step += 300)
    Console.WriteLine($"  step {step,5}: loss {history[step]:F4}");
Console.WriteLine($"  step {history.Count - 1,5}: loss {history[^1]:F4}");
Console.WriteLine($"  accuracy {before:P1} before training, {after:P1} after");

var hvp = new LargeHvp();
var (hv, error) = hvp.Run();
Console.WriteLine($"Seed 004, H·v of ½‖Ax‖² at n = {hvp.Size:N0} without forming H: |H·v| = {Math.Sqrt(hv.Sum(t => t * t)):E3}, largest relative difference from Aᵀ(Av) {error:E2}");

LossPlot.Write(history, plotPath);
Console.WriteLine($"Loss plot written to {Path.GetFullPath(plotPath)}");
