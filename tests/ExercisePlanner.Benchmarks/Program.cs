using BenchmarkDotNet.Running;
using ExercisePlanner.Benchmarks;

// `-- --measure`: quick measured runs that print figures; anything else goes to BenchmarkDotNet.
if (args.Contains("--measure"))
{
    MeasuredRun.Print(iterations: 30);
    await DecisionLatency.PrintAsync(proposals: 250);
}
else BenchmarkSwitcher.FromAssembly(typeof(DocumentBenchmarks).Assembly).Run(args);
