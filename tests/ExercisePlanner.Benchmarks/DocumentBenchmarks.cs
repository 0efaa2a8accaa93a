using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents;

namespace ExercisePlanner.Benchmarks;

/// <summary>Rendering the exercise plan of a proposal large enough to fill 20 pages.</summary>
[MemoryDiagnoser]
public class DocumentBenchmarks
{
    private readonly PdfDocumentRenderer _renderer = new();
    private DocumentModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = TwentyPagePlan.Model();
        Console.WriteLine($"// exercise plan pages: {TwentyPagePlan.Pages(_renderer.Render(DocumentKind.Plan, _model))}");
    }

    [Benchmark]
    public byte[] ExercisePlan20Pages() => _renderer.Render(DocumentKind.Plan, _model);

    [Benchmark]
    public byte[] MemorandumBilingual() => _renderer.Render(DocumentKind.Memorandum, _model with { SecondLanguage = "ar" });
}

public static class TwentyPagePlan
{
    public static DocumentModel Model()
    {
        var content = DemoData.Large(nations: 30, objectives: 265);
        var nations = content.Participants.Select(p => p.Nation).ToList();
        return new DocumentModel(content.Code, 1, ProposalStatus.Approved, content, "coordinator",
            new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero), null,
            nations.Select(n => new Signatory(n, Nation.NameOf(n), $"{n}.approver", "Director of Training")).ToList(),
            nations.Select(n => new StepRecord("National review", n, "national-approver", "Approved", "Approve", $"{n}.approver", "Brig Gen",
                new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero), "Concur.", new DateTimeOffset(2027, 12, 15, 0, 0, 0, TimeSpan.Zero))).ToList(),
            new AuditAnchor(1, new string('0', 64)), []);
    }

    /// <summary>Counts pages by their page objects, without a PDF reader.</summary>
    public static int Pages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count;
}

/// <summary>A plain stopwatch run: wall time per document, pages per second, allocated bytes.</summary>
public static class MeasuredRun
{
    public static void Print(int iterations)
    {
        var renderer = new PdfDocumentRenderer();
        var model = TwentyPagePlan.Model();
        var pages = TwentyPagePlan.Pages(renderer.Render(DocumentKind.Plan, model)); // warm-up
        var times = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            renderer.Render(DocumentKind.Plan, model);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations;
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"exercise plan: {pages} pages; median {median:0.0} ms, p90 {times[(int)(times.Count * 0.9)]:0.0} ms " +
                          $"over {iterations} renders; {pages / (median / 1000):0} pages/s; {allocated / 1024.0 / 1024:0.0} MiB allocated per render");
    }
}
