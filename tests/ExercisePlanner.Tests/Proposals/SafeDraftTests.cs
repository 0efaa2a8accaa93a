using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>Drafts keep half-finished work, a new code never overwrites, a stale edit is refused, the checklist names what is left.</summary>
public sealed class SafeDraftTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private static ProposalContent Unfinished => new()
    {
        Code = "DESERT-FALCON-27", Name = "Desert Falcon 2027", Type = ExerciseType.FTX, StartDate = default, EndDate = default,
        Location = "", Classification = Classification.Restricted,
        Participants = [new() { Nation = "JOR", Roles = [ParticipantRole.Host] }],
        CostShares = [new() { Nation = "JOR", Percent = 90 }],
    };

    [Fact]
    public async Task A_draft_needs_only_code_and_name_and_the_checklist_names_the_rest()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Unfinished, "tur.coordinator", Mode: SaveMode.Create, Rules: ProposalRules.Identity));

        var draft = await Fixture.Send(new EditProposal("DESERT-FALCON-27", "tur.coordinator"));
        Assert.Equal(Unfinished.CostShares, draft.Content!.CostShares);
        Assert.Contains(new Problem("startDate", "Start date: enter the date the exercise starts"), draft.ToFix);
        Assert.Contains(new Problem("location", "Location: enter where the exercise takes place"), draft.ToFix);
        Assert.Contains(new Problem("costShares", "Cost shares: the non-observer nations add up to 90 %, they must add up to 100 %"), draft.ToFix);
        Assert.Contains(draft.ToFix, p => p.Path == "participants" && p.Message.StartsWith("Participating nations: tick lead", StringComparison.Ordinal));

        // Submission runs every rule and refuses it, changing nothing.
        var before = await Fixture.FingerprintAsync();
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SubmitProposal("DESERT-FALCON-27", "tur.coordinator")));
        Assert.Equal(draft.ToFix.Select(p => p.Path).Order(), refused.Problems.Select(p => p.Path).Order());
        Assert.Equal(before, await Fixture.FingerprintAsync());

        var ready = await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator", Mode: SaveMode.Create, Rules: ProposalRules.Identity));
        Assert.Empty((await Fixture.Send(new EditProposal(ready.Code, "tur.coordinator"))).ToFix);
    }

    [Fact]
    public async Task A_draft_without_code_or_name_is_refused_in_words()
    {
        await Fixture.AddStaffAsync();
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(
            new ImportProposal(Unfinished with { Code = "", Name = "" }, "tur.coordinator", Mode: SaveMode.Create, Rules: ProposalRules.Identity)));
        Assert.Equal(["Code: enter a code such as NORTHERN-BRIDGE-27", "Name: enter the exercise's name"], refused.Problems.Select(p => p.Message));
    }

    [Fact]
    public async Task Creating_an_existing_code_is_refused_and_the_draft_is_unchanged()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator", Mode: SaveMode.Create));
        var before = await Fixture.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<ConflictException>(() => Fixture.Send(
            new ImportProposal(Unfinished with { Code = "NORTHERN-BRIDGE-27" }, "tur.coordinator", Mode: SaveMode.Create, Rules: ProposalRules.Identity)));

        Assert.Equal("NORTHERN-BRIDGE-27 already exists: open it", refused.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task An_update_from_a_stale_version_is_refused()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        var read = (await Fixture.Send(new EditProposal("NORTHERN-BRIDGE-27", "tur.coordinator"))).Version;
        await Fixture.Send(new ImportProposal(Samples.Proposal() with { Name = "First edit" }, "tur.coordinator", Mode: SaveMode.Update, ExpectedVersion: read));
        var before = await Fixture.FingerprintAsync();

        await Assert.ThrowsAsync<StaleVersionException>(() => Fixture.Send(
            new ImportProposal(Samples.Proposal() with { Name = "Second edit" }, "tur.coordinator", Mode: SaveMode.Update, ExpectedVersion: read)));

        Assert.Equal(before, await Fixture.FingerprintAsync());
        Assert.Equal("First edit", (await Fixture.Send(new EditProposal("NORTHERN-BRIDGE-27", "tur.coordinator"))).Content!.Name);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(
            new ImportProposal(Samples.Proposal() with { Code = "NO-SUCH-27" }, "tur.coordinator", Mode: SaveMode.Update)));
    }
}
