using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Audit;

/// <summary>Issue 11, finding 9: an anchor kept outside the database shows entries removed or rewritten after it.</summary>
public sealed class AuditAnchorTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private async Task<AuditAnchor> SeedAndAnchorAsync()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        var anchor = await Fixture.Send(new AnchorAudit());
        await Fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
        return anchor;
    }

    [Fact]
    public async Task The_anchor_is_the_head_and_an_untouched_trail_holds_it()
    {
        var anchor = await SeedAndAnchorAsync();

        Assert.Equal(anchor, AuditAnchor.Parse(anchor.ToFileText(), "anchor"));
        var entry = await Fixture.WithDb(db => db.AuditEntries.SingleAsync(e => e.Sequence == anchor.Sequence));
        Assert.Equal(("ImportProposal", "Added", entry.Hash), (entry.Action, entry.Change, anchor.Hash));
        (await Fixture.Send(new VerifyAudit(anchor))).AssertIntact();
    }

    [Fact]
    public async Task Entries_removed_back_past_the_anchor_are_named()
    {
        var anchor = await SeedAndAnchorAsync();
        await Fixture.Database.ExecuteAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" >= {anchor.Sequence - 1}""");

        var unanchored = await Fixture.Send(new VerifyAudit());
        Assert.Null(unanchored.FirstBreak); // the chain alone cannot tell; the tables can
        Assert.Contains("Proposal NORTHERN-BRIDGE-27: status is Submitted in the table, Draft in the audit trail", unanchored.Differences);
        var verification = await Fixture.Send(new VerifyAudit(anchor));

        Assert.False(verification.Intact);
        Assert.Equal($"the trail ends at entry {anchor.Sequence - 2}, but the anchor holds entry {anchor.Sequence}: the newest entries were removed", verification.FirstBreak!.Reason);
    }

    [Fact]
    public async Task A_chain_rewritten_with_the_key_up_to_the_anchor_is_named()
    {
        var anchor = await SeedAndAnchorAsync();
        // Someone holding the key rewrites who made the draft and relinks everything: only the anchor can tell.
        var key = Fixture.Services.GetRequiredService<AuditKeyring>().Key;
        await Fixture.RelinkAsync(entry => AuditChain.HashOf(entry, key), actor: e => e.Sequence == anchor.Sequence ? "mallory" : e.Actor);

        (await Fixture.Send(new VerifyAudit())).AssertIntact();
        var verification = await Fixture.Send(new VerifyAudit(anchor));

        Assert.False(verification.Intact);
        Assert.Equal(anchor.Sequence, verification.FirstBreak!.Sequence);
        Assert.Contains("no longer has the anchor's hash: the chain was rewritten", verification.FirstBreak.Reason);
    }
}
