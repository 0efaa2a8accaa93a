using ExercisePlanner.Core.Audit;
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
            nations.Select(n => new StepRecord("National review", n, "national approver", "Approved", $"{n}.approver", "Brig Gen",
                new DateTimeOffset(2027, 12, 1, 0, 0, 0, TimeSpan.Zero), "Concur.", new DateTimeOffset(2027, 12, 15, 0, 0, 0, TimeSpan.Zero))).ToList(),
            new AuditAnchor(1, new string('0', 64)), []);
    }

    /// <summary>Counts pages by their page objects, without a PDF reader.</summary>
    public static int Pages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page\b").Count;
}

/// <summary>A plain stopwatch run: wall time per document, pages per second, allocated bytes, file size.</summary>
public static class MeasuredRun
{
    public static void Print(int iterations)
    {
        var renderer = new PdfDocumentRenderer();
        var model = TwentyPagePlan.Model();
        var demo = DemoDocuments.Model();
        Measure(renderer, "exercise plan", DocumentKind.Plan, model, iterations);
        Measure(renderer, "demo plan", DocumentKind.Plan, demo, iterations);
        Measure(renderer, "demo memorandum (en+ar)", DocumentKind.Memorandum, demo, iterations);
        Measure(renderer, "demo approval record", DocumentKind.Record, demo, iterations);
    }

    private static void Measure(PdfDocumentRenderer renderer, string name, DocumentKind kind, DocumentModel model, int iterations)
    {
        var pdf = renderer.Render(kind, model); // warm-up
        var pages = TwentyPagePlan.Pages(pdf);
        var times = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        // CPU time of the process as well as wall time: on a shared, busy machine it is the steadier figure.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            renderer.Render(kind, model);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var cpuPerRender = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / iterations;
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / iterations;
        times.Sort();
        var median = times[times.Count / 2];
        Console.WriteLine($"{name}: {pages} pages, {pdf.Length / 1024.0:0.0} KiB; median {median:0.0} ms, p90 {times[(int)(times.Count * 0.9)]:0.0} ms " +
                          $"over {iterations} renders; CPU {cpuPerRender:0.0} ms per render; {pages / (median / 1000):0} pages/s; {allocated / 1024.0 / 1024:0.0} MiB allocated per render");
    }
}

/// <summary>The demo's proposal as the demo leaves it: approved by the four contributing nations, memorandum in English and Arabic.</summary>
public static class DemoDocuments
{
    public static DocumentModel Model()
    {
        var content = DemoData.Proposal(new DateOnly(2027, 1, 1));
        var at = new DateTimeOffset(2027, 1, 20, 9, 0, 0, TimeSpan.Zero);
        var approvers = DemoData.Users.Where(u => DemoData.NationalApprovers.Contains(u.Name)).ToList();
        return new DocumentModel(content.Code, 2, ProposalStatus.Approved, content, DemoData.Coordinator, at, "ar",
            approvers.Select(u => new Signatory(u.Nation, Nation.NameOf(u.Nation), u.Name, u.Title)).ToList(),
            approvers.Select(u => new StepRecord("National review", u.Nation, "national approver", "Approved", u.Name, u.Title,
                at, $"{Nation.NameOf(u.Nation)} concurs.", at.AddDays(14))).ToList(),
            new AuditAnchor(42, new string('a', 64)), [new("Exercise plan", new string('b', 64)), new("Memorandum of understanding", new string('c', 64))]);
    }
}
