using BenchmarkDotNet.Running;
using ExercisePlanner.Benchmarks;
using ExercisePlanner.Testing;

// Measured runs that print figures (docs/benchmarks.md); anything else goes to BenchmarkDotNet.
//   --measure             documents and in-process decisions
//   --documents           documents only: the 20-page plan and the demo's three documents
//   --http [--nodes N]    decisions per second over HTTP with 1, 8 and 32 clients, and the hosts' peak memory
//   --dashboard           the dashboard's queries on 100,000 proposals and 1,000,000 steps
//   --writer-lock         the longest hold of the writer lock, and decisions while the largest proposals are imported
//   --mail                messages per second the outbox sender delivers to an SMTP server on loopback
//   --postgres SERVER     any of them on a scratch database of that PostgreSQL server instead of an SQLite file
var postgres = Option("--postgres");
if (args.Contains("--documents")) MeasuredRun.Print(iterations: 30);
else if (args.Contains("--measure"))
{
    MeasuredRun.Print(iterations: 30);
    await using var database = new ScratchDatabase("bench", postgres);
    await DecisionLatency.PrintAsync(database.Settings, proposals: 250);
}
else if (args.Contains("--http"))
{
    await using var database = new ScratchDatabase("load", postgres);
    await HttpLoad.PrintAsync(database.Settings, nodes: int.Parse(Option("--nodes") ?? "1"), clients: [1, 8, 32], decisionsPerRun: 2000);
}
else if (args.Contains("--dashboard"))
{
    await using var database = new ScratchDatabase("dashboard", postgres);
    await DashboardQueries.PrintAsync(database.Settings, proposals: 100_000, stepsPerProposal: 10);
}
else if (args.Contains("--writer-lock"))
{
    await using var database = new ScratchDatabase("lock", postgres);
    await WriterLockHold.PrintAsync(database.Settings, decisions: 400);
}
else if (args.Contains("--mail"))
{
    await using var database = new ScratchDatabase("mail", postgres);
    await MailThroughput.PrintAsync(database.Settings, messages: 2000);
}
else BenchmarkSwitcher.FromAssembly(typeof(DocumentBenchmarks).Assembly).Run(args);

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
