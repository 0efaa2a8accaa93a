using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Documents;

/// <summary>The approval record keeps every round: the requests for changes that led to the approved revision are on it.</summary>
public sealed class ApprovalRecordRoundsTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_record_of_revision_2_lists_the_requests_for_changes_of_revision_1_with_names_and_titles()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var national = await Fixture.OpenStepsAsync();
        await Fixture.Send(new DecideStep(national[0].Id, Decision.RequestChanges, "Jordan asks for 80 personnel.", "jor.approver"));
        await Fixture.Send(new DecideStep(national[2].Id, Decision.RequestChanges, "Pakistan asks for the MPC in Islamabad.", "pak.approver"));
        await Fixture.DecideAsync(national[1]);
        await Fixture.DecideAsync(national[3]);
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Location = "Amman" }));
        await Fixture.ApproveStageAsync();

        var record = await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Record));

        var text = string.Join("\n", Pdf.PageTexts(record.Content));
        Assert.Contains("revision 2", text);
        Assert.Contains("Revision 1: Returned for changes", text);
        // Each cell's words in order, after the heading of round 1 (PdfPig reads wrapped cells line by line across the row).
        var round1 = text[text.IndexOf("Revision 1: Returned for changes", StringComparison.Ordinal)..];
        foreach (var cell in new[] { "Jordan asks for 80 personnel.", "Pakistan asks for the MPC in Islamabad.", "Brig Gen Khaled Al-Masri", "Director of Training", "Request changes" })
            Assert.True(Pdf.HasInOrder(round1, cell), $"'{cell}' not in: {round1}");
        Assert.DoesNotContain("RequestChanges", text);
    }
}
