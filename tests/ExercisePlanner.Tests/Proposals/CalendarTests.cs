using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>The month calendar: exercises over the days they run, planning conferences on theirs, only for those who may see them.</summary>
public sealed class CalendarTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_month_shows_the_exercises_and_conferences_its_viewer_may_see()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new Core.Features.Users.AddUser("usa.approver", "USA", ["national-approver"], "Col Smith"));
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator")); // 6–17 Sep 2027, IPC 10 Mar 2027 in Amman

        var march = await Fixture.Send(new ShowCalendar("jor.approver", 2027, 3));
        var conference = Assert.Single(march);
        Assert.Equal((ConferenceKind.IPC, new DateOnly(2027, 3, 10), "Amman"), (conference.Conference!.Value, conference.Start, conference.Location));

        var september = Assert.Single(await Fixture.Send(new ShowCalendar("jor.approver", 2027, 9)));
        Assert.Null(september.Conference);
        Assert.Equal((new DateOnly(2027, 9, 6), new DateOnly(2027, 9, 17), "Joint Staff College, Amman"), (september.Start, september.End, september.Location));

        Assert.Empty(await Fixture.Send(new ShowCalendar("jor.approver", 2027, 10)));
        Assert.Empty(await Fixture.Send(new ShowCalendar("usa.approver", 2027, 9))); // takes no part
        await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ShowCalendar("jor.approver", 2027, 13)));
    }
}
