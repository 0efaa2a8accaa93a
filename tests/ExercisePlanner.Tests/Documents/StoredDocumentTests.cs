using System.Security.Cryptography;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Workflows.Runtime;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Documents;

public sealed class StoredDocumentTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Final_approval_stores_the_plan_memorandum_and_record_with_version_and_hash()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        while ((await Fixture.Send(new ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted)
        {
            Assert.Equal(0, await Fixture.WithDb(db => db.Documents.CountAsync()));
            await Fixture.ApproveStageAsync();
        }

        var stored = await Fixture.Send(new ListDocuments(Approvals.Code));
        Assert.Equal([DocumentKind.Plan, DocumentKind.Memorandum, DocumentKind.Record], stored.Select(d => d.Kind));
        Assert.All(stored, d => Assert.Equal((1, 1), (d.Version, d.Revision)));
        Assert.All(stored, d => Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(d.Content)), d.Sha256));
        Assert.Equal("NORTHERN-BRIDGE-27-r1-mou-ar.pdf", stored[1].FileName); // Jordan hosts: Arabic beside English

        // The record vouches for the stored plan and memorandum, and on-demand renders are the same bytes.
        var record = string.Join(" ", Pdf.PageTexts(stored[2].Content));
        Assert.Contains(stored[0].Sha256[..32], record.Replace(" ", ""));
        Assert.Contains(stored[1].Sha256[..32], record.Replace(" ", ""));
        Assert.Contains("Final sign-off", record);
        var plan = await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan));
        Assert.Equal(stored[0].Sha256, plan.Sha256);
        Assert.Contains("EXERCISE PLAN", Pdf.PageTexts(plan.Content)[0]);
        Assert.True(await Fixture.WithDb(db => db.AuditEntries.AnyAsync(e => e.EntityType == "StoredDocument" && e.After!.Contains(stored[2].Sha256))));
    }

    [Fact]
    public async Task Every_submitted_revision_keeps_its_documents_as_submitted_and_decided()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var first = await Fixture.OpenStepsAsync();
        await Fixture.DecideAsync(first[0]);
        await Fixture.DecideAsync(first[1]);
        await Fixture.DecideAsync(first[3]);
        await Fixture.DecideAsync(first[2], Decision.RequestChanges); // the stage's last step: the requests go back
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Location = "King Abdullah II Training Centre" }));
        while ((await Fixture.Send(new ShowProposal(Approvals.Code))).Status == ProposalStatus.Submitted) await Fixture.ApproveStageAsync();

        // Revision 1: its own content, and its round ended with changes requested.
        var plan1 = Pdf.PageTexts((await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan, Revision: 1))).Content);
        Assert.Contains("NORTHERN-BRIDGE-27 · Revision 1 · Changes requested", plan1[0]);
        Assert.Contains("Joint Staff College, Amman", plan1[0]);
        Assert.DoesNotContain("ChangesRequested", string.Join(" ", plan1));
        var record1 = await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Record, Revision: 1));
        Assert.Equal("NORTHERN-BRIDGE-27-r1-record.pdf", record1.FileName);
        Assert.Contains("revision 1: Changes requested", string.Join(" ", Pdf.PageTexts(record1.Content)));

        // Revision 2, the approved one: the very papers stored on approval (the record's audit anchor has moved on since).
        var stored = await Fixture.Send(new ListDocuments(Approvals.Code));
        foreach (var document in stored)
        {
            var rendered = await Fixture.Send(new RenderDocument(Approvals.Code, document.Kind, Revision: 2));
            Assert.Equal((2, document.Sha256), (document.Revision, rendered.Sha256));
        }
        Assert.Contains("King Abdullah II Training Centre", Pdf.PageTexts(stored[0].Content)[0]);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan, Revision: 3)));
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan, Revision: 0)));
        Assert.Contains("--revision", refused.Message);
    }

    [Fact]
    public async Task A_draft_has_a_plan_but_no_approval_record()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(), "tur.coordinator"));

        var plan = await Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Plan, "en"));
        Assert.Contains("Not yet submitted for approval.", string.Join(" ", Pdf.PageTexts(plan.Content)));
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Record)));
        Assert.Contains("approvals: is missing", refused.Message);
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new RenderDocument(Approvals.Code, DocumentKind.Memorandum, "de")));
    }
}
