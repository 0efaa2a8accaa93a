using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Discussion;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Discussion;

/// <summary>Comments that are not decisions: asked and answered by anyone who may see the proposal, kept with their revision, audited.</summary>
public sealed class CommentTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task An_approver_asks_the_coordinator_answers_and_both_stay_with_their_revision()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());

        await Fixture.Send(new CommentOnProposal(Approvals.Code, "  Who pays for the CIS node?  ", "pak.approver"));
        Fixture.Clock.Now = Fixture.Clock.Now.AddHours(2);
        await Fixture.Send(new CommentOnProposal(Approvals.Code, "Türkiye does; see cost shares.", "tur.coordinator"));
        foreach (var step in await Fixture.OpenStepsAsync()) await Fixture.DecideAsync(step, Decision.RequestChanges);
        await Fixture.SubmitAsync(Approvals.FiveNations(p => p with { Location = "Amman" }));
        await Fixture.Send(new CommentOnProposal(Approvals.Code, "Thank you.", "pak.approver"));

        var shown = await Fixture.Send(new ShowProposal(Approvals.Code, Viewer: "jor.approver"));
        Assert.Equal([(1, "pak.approver", "Who pays for the CIS node?"), (1, "tur.coordinator", "Türkiye does; see cost shares."), (2, "pak.approver", "Thank you.")],
            shown.Comments.Select(c => (c.Revision, c.Author, c.Text)));
        Assert.Equal(PlannerFixture.Today.AddHours(2), shown.Comments[1].At);
        Assert.Equal(("Brig Imran Qureshi", "Director Joint Exercises"), (shown.Person("pak.approver").DisplayName, shown.Person("pak.approver").Title));
        var audited = await Fixture.WithDb(db => db.AuditEntries.Where(e => e.EntityType == nameof(ProposalComment)).Select(e => new { e.Actor, e.Action, e.EntityKey }).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.All(audited, e => Assert.Equal(nameof(CommentOnProposal), e.Action));
        Assert.StartsWith("NORTHERN-BRIDGE-27/r1/comment/pak.approver/", audited[0].EntityKey);
    }

    [Theory]
    [InlineData("", "text: a comment cannot be empty")]
    [InlineData("   ", "text: a comment cannot be empty")]
    [InlineData(null, "text: is longer than 2,000 characters")]
    public async Task An_empty_or_too_long_comment_is_refused_and_nothing_changes(string? text, string expected)
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        var before = await Fixture.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Fixture.Send(new CommentOnProposal(Approvals.Code, text ?? new string('x', 2001), "jor.approver")));

        Assert.Equal(expected, refused.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task A_user_who_may_not_see_the_proposal_is_told_it_does_not_exist()
    {
        await Fixture.AddDemoStaffAsync();
        await Fixture.SubmitAsync(Approvals.FiveNations());
        await Fixture.Send(new AddUser("usa.approver", "USA", ["national-approver"]));

        var refused = await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new CommentOnProposal(Approvals.Code, "Hello?", "usa.approver")));

        Assert.Equal("no proposal with code 'NORTHERN-BRIDGE-27'", refused.Message);
        Assert.Empty(await Fixture.WithDb(db => db.ProposalComments.ToListAsync()));
    }

    [Fact]
    public async Task Words_for_people_name_statuses_durations_nations_and_people()
    {
        await Fixture.AddDemoStaffAsync();
        var shown = await Fixture.Send(new ShowProposal((await Fixture.SubmitAsync(Approvals.FiveNations())).Code));

        Assert.Equal("Changes requested", Core.Common.Words.Of(ProposalStatus.ChangesRequested));
        Assert.Equal("14 days", Core.Common.Words.Duration(TimeSpan.FromDays(14)));
        Assert.Equal("Jordan (JOR)", Core.Common.Words.Nation("JOR"));
        Assert.Equal("Brig Gen Khaled Al-Masri (JOR, national approver)", new PersonView("jor.approver", "Brig Gen Khaled Al-Masri", "Director of Training", "JOR", []).Acting("JOR", "national-approver"));
        Assert.Equal("Lt Col Emre Aydin", shown.Person(shown.Coordinator).Label);
        Assert.Equal("11 Jan 2027, 09:00 UTC", Core.Common.Words.Time(PlannerFixture.Today));
    }
}
