using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>What an approver reads: each revision's own content, and what changed between two revisions.</summary>
public sealed class RevisionComparisonTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    /// <summary>Revision 1 as the demo has it; revision 2 with Türkiye's personnel 40 → 380, an objective added, a contact removed, a new location.</summary>
    private async Task TwoRevisionsAsync()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        foreach (var step in await Fixture.OpenStepsAsync()) await Fixture.DecideAsync(step, Decision.RequestChanges);
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with
        {
            Location = "King Abdullah II Training Centre",
            Forces = p.Forces.Select(f => f.Nation == "TUR" ? f with { Personnel = 380 } : f).ToList(),
            Objectives = [.. p.Objectives, new TrainingObjective { Code = "TO-5", Text = "Rehearse a mass-casualty evacuation." }],
            Contacts = p.Contacts.Where(c => c.Nation != "TUR").ToList(),
        }));
    }

    [Fact]
    public async Task Two_revisions_compare_field_by_field_and_row_by_row()
    {
        await TwoRevisionsAsync();

        var diff = await Fixture.Send(new CompareRevisions(Approvals.Code, 1, 2));

        var location = Assert.Single(diff.Fields);
        Assert.Equal(("location", "Joint Staff College, Amman", "King Abdullah II Training Centre"), (location.Field, location.Before, location.After));
        var forces = Assert.Single(diff.Lists, l => l.List == "forces").Rows;
        var turkiye = Assert.Single(forces);
        Assert.Equal((RowChangeKind.Changed, "Türkiye (TUR), Logistics Command staff"), (turkiye.Kind, turkiye.Row));
        Assert.Equal(("personnel", "40", "380"), (turkiye.Fields[0].Field, turkiye.Fields[0].Before, turkiye.Fields[0].After));
        var objective = Assert.Single(Assert.Single(diff.Lists, l => l.List == "objectives").Rows);
        Assert.Equal((RowChangeKind.Added, "TO-5", "Rehearse a mass-casualty evacuation."), (objective.Kind, objective.Row, objective.Fields[0].After));
        var contact = Assert.Single(Assert.Single(diff.Lists, l => l.List == "contacts").Rows);
        Assert.Equal((RowChangeKind.Removed, "Türkiye (TUR), Maj Cem Yildiz"), (contact.Kind, contact.Row));
        Assert.Equal(["objectives", "forces", "contacts"], diff.Lists.Select(l => l.List));

        var backwards = await Fixture.Send(new CompareRevisions(Approvals.Code, 2, 1));
        Assert.Equal(RowChangeKind.Removed, backwards.Lists.Single(l => l.List == "objectives").Rows[0].Kind);
        Assert.Empty((await Fixture.Send(new CompareRevisions(Approvals.Code, 2, 2))).Lists);
    }

    [Fact]
    public async Task A_revision_shows_its_own_content_and_what_changed_since_the_one_before()
    {
        await TwoRevisionsAsync();

        var first = await Fixture.Send(new ShowProposal(Approvals.Code, Revision: 1));
        var second = await Fixture.Send(new ShowProposal(Approvals.Code));

        Assert.Equal((1, 4, 40, 2), (first.ViewedRevision, first.Content!.Objectives.Count, first.Content.Forces.Single(f => f.Nation == "TUR").Personnel, first.Content.Contacts.Count));
        Assert.Null(first.Changes);
        Assert.Equal((2, 5, 380, 1), (second.ViewedRevision, second.Content!.Objectives.Count, second.Content.Forces.Single(f => f.Nation == "TUR").Personnel, second.Content.Contacts.Count));
        Assert.Equal(1, second.ChangesSince);
        Assert.Equal(["location", "objectives", "forces", "contacts"], second.Changes!.Changed);
        Assert.Equal(["location", "objectives", "forces", "contacts"], second.Revisions[1].Changed);
    }

    [Fact]
    public async Task The_draft_being_revised_shows_what_changed_since_the_last_revision()
    {
        await TwoRevisionsAsync();
        foreach (var step in await Fixture.OpenStepsAsync()) await Fixture.DecideAsync(step, Decision.RequestChanges);
        await Fixture.Send(new ImportProposal(Approvals.FiveNations(p => p with { Location = "Aqaba" }), "tur.coordinator"));

        var draft = await Fixture.Send(new ShowProposal(Approvals.Code));

        Assert.Null(draft.ViewedRevision);
        Assert.Equal(2, draft.ChangesSince);
        Assert.Contains(draft.Changes!.Fields, f => f is { Field: "location", Before: "King Abdullah II Training Centre", After: "Aqaba" });
    }

    [Fact]
    public async Task A_revision_that_does_not_exist_or_a_proposal_out_of_sight_is_refused()
    {
        await TwoRevisionsAsync();
        await Fixture.Send(new Core.Features.Users.AddUser("usa.approver", "USA", ["national-approver"]));

        var missing = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new CompareRevisions(Approvals.Code, 1, 3)));
        Assert.Equal("--to: proposal NORTHERN-BRIDGE-27 has no revision 3; its revisions are 1 to 2", missing.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new CompareRevisions(Approvals.Code, 1, 2, "usa.approver")));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new ShowProposal(Approvals.Code, 3)));
    }
}
