using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Amendments;

/// <summary>Changes to an approved proposal: each goes back to the nations it concerns, and the approved revision stays in force meanwhile.</summary>
public sealed class AmendmentTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private const string Coordinator = "tur.coordinator";

    [Fact]
    public async Task A_date_change_goes_to_every_nation_and_on_approval_is_in_force_with_amendment_documents()
    {
        var original = await ApprovedAsync();
        var moved = original with
        {
            StartDate = original.StartDate.AddDays(14), EndDate = original.EndDate.AddDays(14),
            Conferences = original.Conferences.Select(c => c with { Date = c.Date.AddDays(14) }).ToList(),
        };

        var opened = await Fixture.Send(new AmendProposal(Approvals.Code, Coordinator));
        Assert.Equal((ProposalStatus.Draft, 1, 1), (opened.Status, opened.Amendment, opened.InForceRevision));
        await Fixture.Send(new ImportProposal(moved, Coordinator));
        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code));
        Assert.Equal("exercise-amendment", plan.Workflow);
        Assert.Equal(["startDate", "endDate", "conferences"], plan.Changed);
        await Fixture.Send(new SubmitProposal(Approvals.Code, Coordinator));

        // Meanwhile lists and documents show the revision in force.
        var listed = Assert.Single(await Fixture.Send(new ListProposals()));
        Assert.Equal((original.StartDate, ProposalStatus.Submitted, 2, 1), (listed.StartDate, listed.Status, listed.Revision, listed.InForceRevision));
        var inForcePlan = await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan, "en"));
        Assert.Contains("-r1-", inForcePlan.FileName);
        Assert.DoesNotContain("Amendment", string.Join(" ", Pdf.PageTexts(inForcePlan.Content)));

        var open = await Fixture.OpenStepsAsync();
        Assert.Equal(["IDN", "JOR", "PAK", "TUR"], open.Select(s => s.Nation).Order());
        Assert.All(open, s => Assert.Equal(("national-review", "national-approver"), (s.Stage, s.Role)));
        await Fixture.ApproveStageAsync();

        var shown = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal((ProposalStatus.Approved, 2, 1, false), (shown.Status, shown.InForceRevision, shown.Amendment, shown.IsAmending));
        Assert.Equal(moved.StartDate, Assert.Single(await Fixture.Send(new ListProposals())).StartDate);

        // The documents are regenerated for revision 2 and say "Amendment 1"; the record shows the chain.
        var stored = await Fixture.Send(new ListDocuments(Approvals.Code));
        Assert.All(stored, d => Assert.Equal((2, 2), (d.Version, d.Revision)));
        var planText = string.Join(" ", Pdf.PageTexts(stored.Single(d => d.Kind == DocumentKind.Plan).Content));
        Assert.Contains("Revision 2 · Amendment 1 · Approved", planText);
        Assert.Contains("Amendment 1", Pdf.PageTexts(stored.Single(d => d.Kind == DocumentKind.Memorandum).Content)[0]);
        var record = string.Join(" ", Pdf.PageTexts(stored.Single(d => d.Kind == DocumentKind.Record).Content));
        Assert.Contains("Original", record);
        Assert.Contains("start date, end date, conferences", record);
    }

    [Fact]
    public async Task A_cost_share_change_goes_only_to_the_nations_affected_and_the_host()
    {
        var original = await ApprovedAsync();
        await Fixture.Send(new AmendProposal(Approvals.Code, Coordinator));
        await Fixture.Send(new ImportProposal(original with
        {
            CostShares = original.CostShares.Select(s => s.Nation switch
            {
                "PAK" => s with { Percent = 10 },
                "TUR" => s with { Percent = 40 },
                _ => s,
            }).ToList(),
        }, Coordinator));
        await Fixture.Send(new SubmitProposal(Approvals.Code, Coordinator));

        var open = await Fixture.OpenStepsAsync();
        Assert.Equal(["JOR", "PAK", "TUR"], open.Select(s => s.Nation).Order());
        Assert.All(open, s => Assert.Equal("affected-nations-review", s.Stage));
        await Fixture.ApproveStageAsync();

        Assert.Equal(ProposalStatus.Approved, (await Fixture.Send(new ShowProposal(Approvals.Code))).Status);
        // Indonesia was not asked again: its signature stands from the original approval.
        var memorandum = await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Memorandum, "en"));
        Assert.Contains("Brig Gen Arief Wibowo", string.Join(" ", Pdf.PageTexts(memorandum.Content)));
    }

    [Fact]
    public async Task A_rejected_amendment_leaves_the_approved_revision_in_force()
    {
        var original = await ApprovedAsync();
        await Fixture.Send(new AmendProposal(Approvals.Code, Coordinator));
        await Fixture.Send(new ImportProposal(original with { Location = "King Abdullah II Special Operations Training Center" }, Coordinator));
        await Fixture.Send(new SubmitProposal(Approvals.Code, Coordinator));
        var documentsBefore = await Fixture.Send(new ListDocuments(Approvals.Code));

        await Fixture.DecideAsync((await Fixture.OpenStepsAsync()).First(s => s.Nation == "PAK"), Decision.Reject);

        var shown = await Fixture.Send(new ShowProposal(Approvals.Code));
        Assert.Equal((ProposalStatus.Approved, 1, 0, original.Location), (shown.Status, shown.InForceRevision, shown.Amendment, shown.Location));
        Assert.Equal((InstanceStatus.Rejected, 2), (shown.Workflow!.Status, shown.Workflow.Revision));
        Assert.Equal(documentsBefore.Select(d => d.Sha256), (await Fixture.Send(new ListDocuments(Approvals.Code))).Select(d => d.Sha256));

        // A withdrawn amendment (here still a draft) leaves it in force too; the next amendment is again number 1.
        var reopened = await Fixture.Send(new AmendProposal(Approvals.Code, Coordinator));
        Assert.Equal(1, reopened.Amendment);
        await Fixture.Send(new ImportProposal(original with { Name = "Renamed" }, Coordinator));
        var withdrawn = await Fixture.Send(new WithdrawProposal(Approvals.Code, Coordinator));
        Assert.Equal((ProposalStatus.Approved, original.Name), (withdrawn.Status, withdrawn.Name));
        Assert.Equal(original.Name, (await Fixture.Send(new ShowProposal(Approvals.Code))).Name);
    }

    [Fact]
    public async Task A_nation_leaving_is_an_amendment_and_loses_sight_of_the_proposal_once_approved()
    {
        var original = await ApprovedAsync();
        await Fixture.Send(new AmendProposal(Approvals.Code, Coordinator));
        await Fixture.Send(new ImportProposal(original with
        {
            ReleasableTo = original.ReleasableTo.Where(n => n != "IDN").ToList(),
            Participants = original.Participants.Where(p => p.Nation != "IDN").ToList(),
            Forces = original.Forces.Where(f => f.Nation != "IDN").ToList(),
            CostShares = original.CostShares.Where(s => s.Nation != "IDN").Select(s => s.Nation == "PAK" ? s with { Percent = 30 } : s).ToList(),
        }, Coordinator));
        var plan = await Fixture.Send(new PlanWorkflow(Approvals.Code));
        Assert.Equal(["IDN", "PAK"], plan.NationsAffected);
        await Fixture.Send(new SubmitProposal(Approvals.Code, Coordinator));
        Assert.Single(await Fixture.Send(new ListProposals("idn.approver")));

        Assert.Equal(["JOR", "PAK", "TUR"], (await Fixture.OpenStepsAsync()).Select(s => s.Nation).Order());
        await Fixture.ApproveStageAsync();

        Assert.Empty(await Fixture.Send(new ListProposals("idn.approver")));
        Assert.Single(await Fixture.Send(new ListProposals("pak.approver")));
    }

    [Fact]
    public async Task Only_the_coordinator_amends_only_an_approved_proposal_and_only_a_real_change_is_submitted()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(new AmendProposal(Approvals.Code, Coordinator)));
        while ((await Fixture.Send(new ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted) await Fixture.ApproveStageAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new AmendProposal(Approvals.Code, "jor.approver")));

        await Fixture.Send(new AmendProposal(Approvals.Code, Coordinator));
        var before = await Fixture.FingerprintAsync();
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SubmitProposal(Approvals.Code, Coordinator)));
        Assert.Contains("amendment 1 of NORTHERN-BRIDGE-27 changes nothing yet", refused.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    private async Task<ProposalContent> ApprovedAsync()
    {
        await Fixture.AddDemoStaffAsync();
        var content = Approvals.FiveNations();
        await Fixture.SubmitAsync(content);
        while ((await Fixture.Send(new ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted) await Fixture.ApproveStageAsync();
        return content;
    }
}
