using BenchmarkDotNet.Running;
using ExercisePlanner.Benchmarks;

// `-- --measure`: a quick measured run that prints figures; anything else goes to BenchmarkDotNet.
if (args.Contains("--measure")) MeasuredRun.Print(iterations: 30);
else BenchmarkSwitcher.FromAssembly(typeof(DocumentBenchmarks).Assembly).Run(args);
