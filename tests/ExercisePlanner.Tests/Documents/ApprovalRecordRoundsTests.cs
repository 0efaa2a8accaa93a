using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Documents;

/// <summary>
/// The approval record keeps every round: the requests for changes that led to the approved revision are on it.
/// Documents speak people's words: statuses, decisions, types, roles and the coordinator, never the code's names.
/// </summary>
public sealed class ApprovalRecordRoundsTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private static readonly string[] CodeNames = ["ChangesRequested", "RequestChanges", "CPX ·", "tur.coordinator", "national-approver"];

    [Fact]
    public async Task The_record_of_revision_2_lists_the_requests_for_changes_of_revision_1_with_names_and_titles()
    {
        await ReturnRevision1Async();
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Location = "Amman" }));
        await Fixture.ApproveStageAsync();

        var text = await TextOfAsync(DocumentKind.Record);
        Assert.Contains("revision 2", text);
        Assert.Contains("Revision 1: Returned for changes", text);
        // Each cell's words in order, after the heading of round 1 (PdfPig reads wrapped cells line by line across the row).
        var round1 = text[text.IndexOf("Revision 1: Returned for changes", StringComparison.Ordinal)..];
        foreach (var cell in new[] { "Jordan asks for 80 personnel.", "Pakistan asks for the MPC in Islamabad.", "Brig Gen Khaled Al-Masri", "Director of Training", "Changes requested" })
            Assert.True(Pdf.HasInOrder(round1, cell), $"'{cell}' not in: {round1}");
        Assert.DoesNotContain("RequestChanges", text);
    }

    [Fact]
    public async Task The_plan_and_the_record_of_a_proposal_returned_for_changes_say_so_in_words()
    {
        await ReturnRevision1Async();

        var plan = await TextOfAsync(DocumentKind.Plan);
        var record = await TextOfAsync(DocumentKind.Record);

        Assert.True(Pdf.HasInOrder(plan, "Changes requested"), plan);
        Assert.True(Pdf.HasInOrder(plan, "Command post exercise (CPX)"), plan);
        Assert.True(Pdf.HasInOrder(plan, "Lt Col Emre Aydin, J7 Exercise Planner"), plan);
        Assert.True(Pdf.HasInOrder(plan, "national approver"), plan);
        Assert.True(Pdf.HasInOrder(record, "revision 1: Changes requested"), record);
        Assert.True(Pdf.HasInOrder(record, "Changes requested Brig Gen Khaled Al-Masri"), record); // the decision as what happened
        foreach (var name in CodeNames)
        {
            Assert.DoesNotContain(name, plan);
            Assert.DoesNotContain(name, record);
        }
    }

    /// <summary>Revision 1 of the demo proposal, returned: Jordan and Pakistan request changes, Türkiye and Indonesia approve.</summary>
    private async Task ReturnRevision1Async()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var national = await Fixture.OpenStepsAsync();
        await Fixture.Send(new DecideStep(national[0].Id, Decision.RequestChanges, "Jordan asks for 80 personnel.", "jor.approver"));
        await Fixture.Send(new DecideStep(national[2].Id, Decision.RequestChanges, "Pakistan asks for the MPC in Islamabad.", "pak.approver"));
        await Fixture.DecideAsync(national[1]);
        await Fixture.DecideAsync(national[3]);
    }

    private async Task<string> TextOfAsync(DocumentKind kind) =>
        string.Join("\n", Pdf.PageTexts((await Fixture.Send(new RenderDocument(Approvals.Code, kind))).Content));
}
