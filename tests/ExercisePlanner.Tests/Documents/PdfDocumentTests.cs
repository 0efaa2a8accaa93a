using System.Text.RegularExpressions;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Documents;

/// <summary>Real PDFs rendered and read back with PdfPig.</summary>
public sealed class PdfDocumentTests
{
    private static readonly PdfDocumentRenderer Renderer = new();
    private static readonly ProposalContent Sample = Samples.Proposal();

    private static void AssertEveryPageIsMarkedAndNumbered(IReadOnlyList<string> pages, string banner)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Equal(2, Regex.Matches(pages[i], Regex.Escape(banner)).Count); // top and bottom
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
        }
    }

    [Fact]
    public void The_exercise_plan_has_its_cover_sections_and_a_row_per_participant()
    {
        var pages = Pdf.PageTexts(Renderer.Render(DocumentKind.Plan, DocumentModels.For(Sample)));

        Assert.Contains("EXERCISE PLAN Northern Bridge 2027", pages[0]);
        Assert.Contains("NORTHERN-BRIDGE-27 · Revision 2 · Approved", pages[0]);
        var body = string.Join(" ", pages);
        foreach (var heading in new[] { "1. Aim and objectives", "2. Participants and roles", "3. Force contributions",
                     "4. Schedule and planning conferences", "5. Cost sharing", "6. Points of contact", "Annex A. Approval status" })
            Assert.Contains(heading, body);
        foreach (var (nation, name, role) in new[] { ("JOR", "Jordan", "host"), ("TUR", "Türkiye", "lead"), ("PAK", "Pakistan", "participant"), ("MYS", "Malaysia", "observer") })
            Assert.Contains($"{nation} {name} {role}", body);
        Assert.Contains("Initial planning conference 10 March 2027 Amman (IPC)", body); // cells are read line by line
        Assert.Contains("Releasable to JOR, TUR, PAK", body);
        AssertEveryPageIsMarkedAndNumbered(pages, "RESTRICTED — REL TO JOR, TUR, PAK");
    }

    [Fact]
    public void A_large_proposal_flows_over_many_pages_with_table_headers_repeated()
    {
        var pages = Pdf.PageTexts(Renderer.Render(DocumentKind.Plan, DocumentModels.For(DocumentModels.Large())));

        Assert.True(pages.Count >= 10, $"only {pages.Count} pages");
        var objectivePages = pages.Select((text, index) => (text, index)).Where(p => Regex.IsMatch(p.text, @"\bTO-\d+\b")).ToList();
        Assert.True(objectivePages.Count >= 4, $"objectives span {objectivePages.Count} pages");
        Assert.All(objectivePages, p => Assert.Contains("Code Training objective", p.text));
        var body = string.Join(" ", pages);
        Assert.All(Enumerable.Range(1, 200), i => Assert.Contains($"TO-{i} Objective {i}:", body));
        AssertEveryPageIsMarkedAndNumbered(pages, "CONFIDENTIAL — REL TO 40 NATIONS LISTED IN THE PLAN");
    }

    [Fact]
    public void The_memorandum_sets_arabic_beside_english_and_it_extracts_as_the_words_written()
    {
        var pdf = Renderer.Render(DocumentKind.Memorandum, DocumentModels.For(Sample, "ar"));
        var text = string.Join("\n", Pdf.ContentTexts(pdf));

        Assert.Contains("Memorandum of Understanding", text);
        Assert.Contains("Article 12 — Termination", text);
        foreach (var line in new[] { "مذكرة تفاهم", "المادة 1 — الغرض", "المادة 12 — الإنهاء", "لقواتهم المسلحة", "RESTRICTED" })
            Assert.Contains(line, text);
    }

    [Fact]
    public void The_memorandum_in_french_and_english_with_a_signature_block_per_nation_never_split()
    {
        var large = DocumentModels.Large();
        var pages = Pdf.PageTexts(Renderer.Render(DocumentKind.Memorandum, DocumentModels.For(large, "fr")));
        var body = string.Join(" ", pages);

        Assert.Contains("Mémorandum d'entente", body);
        Assert.Contains("Article 5 — Dispositions financières", body);
        foreach (var page in pages)
            Assert.Equal(Regex.Matches(page, @"\bFor (the )?\p{Lu}").Count, Regex.Matches(page, @"\bPour (la |le |les |l'|)\p{Lu}").Count);
        foreach (var page in pages.Where(p => p.Contains("Signature: ")))
            Assert.Equal(Regex.Matches(page, @"\bFor (the )?\p{Lu}").Count, Regex.Matches(page, "Signature: ").Count / 2);
        Assert.Equal(40, Regex.Matches(body, @"\bFor (the )?\p{Lu}").Count);
    }

    [Fact]
    public void The_approval_record_lists_every_decision_and_the_hashes_it_covers()
    {
        var model = DocumentModels.For(Sample) with { Covers = [new("Exercise plan", new string('b', 64))] };
        var body = string.Join(" ", Pdf.PageTexts(Renderer.Render(DocumentKind.Record, model)));

        Assert.Contains("Approval Record", body);
        Assert.Contains("Northern Bridge 2027 (NORTHERN-BRIDGE-27), revision 2: Approved", body); // three styled spans on one line
        foreach (var nation in new[] { "JOR", "TUR", "PAK" })
            Assert.Matches($"{nation} national approver Approved {nation.ToLowerInvariant()}.approver 1[2-4] Jan 2027", body);
        Assert.Contains("Pakistan concurs.", body);
        Assert.Contains("Audit chain, entry 42", body);
        Assert.Contains(new string('b', 32), body);
    }

    [Theory]
    [InlineData(DocumentKind.Plan)]
    [InlineData(DocumentKind.Memorandum)]
    [InlineData(DocumentKind.Record)]
    public void The_same_data_gives_byte_identical_files(DocumentKind kind)
    {
        var model = DocumentModels.For(Sample, "ar");
        Assert.Equal(Renderer.Render(kind, model), Renderer.Render(kind, model));
    }

    [Fact]
    public void A_missing_field_is_refused_with_a_clear_error()
    {
        var refused = Assert.Throws<InvalidInputException>(() => Renderer.Render(DocumentKind.Plan, DocumentModels.For(Sample with { Location = " " })));
        Assert.Equal("exercise plan: location: is missing; the exercise plan cannot be produced without it", refused.Message);

        var noApprovals = Assert.Throws<InvalidInputException>(() => Renderer.Render(DocumentKind.Record, DocumentModels.For(Sample, approvals: 0)));
        Assert.Contains("approvals: is missing", noApprovals.Message);
    }
}
