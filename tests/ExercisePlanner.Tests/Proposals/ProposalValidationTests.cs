using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Proposals;

public sealed class ProposalValidationTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private static Participant Nation(string code, params ParticipantRole[] roles) => new() { Nation = code, Roles = roles };

    public static TheoryData<string, Func<ProposalContent, ProposalContent>, string, string> RefusedProposals => new()
    {
        { "end before start", p => p with { EndDate = p.StartDate.AddDays(-1) }, "endDate", "End date: " },
        { "bad code", p => p with { Code = "nb" }, "code", "Code: 'nb' is not a code; use 3 to 32 capital letters, digits or dashes, such as NORTHERN-BRIDGE-27" },
        { "lower-case code", p => p with { Code = "northern-27" }, "code", "is not a code" },
        { "empty name", p => p with { Name = "" }, "name", "Name: enter the exercise's name" },
        { "huge name", p => p with { Name = new string('x', 201) }, "name", "Name: shorten it to at most 200 characters" },
        { "unknown nation", p => p with { Participants = [.. p.Participants.Take(2), Nation("XYZ", ParticipantRole.Participant), p.Participants[3]] },
            "participants[2].nation", "Participating nations, row 3, nation: 'XYZ' is not a nation; choose one from the list" },
        { "no host", p => p with { Participants = [Nation("JOR", ParticipantRole.Participant), .. p.Participants.Skip(1)] },
            "participants", "Participating nations: tick host for exactly one nation (now none)" },
        { "two leads", p => p with { Participants = [Nation("JOR", ParticipantRole.Host, ParticipantRole.Lead), .. p.Participants.Skip(1)] },
            "participants", "Participating nations: tick lead for exactly one nation (now 2)" },
        { "one contributing nation", p => p with
            {
                Participants = [Nation("JOR", ParticipantRole.Host, ParticipantRole.Lead), Nation("MYS", ParticipantRole.Observer)],
                ReleasableTo = ["JOR"], Forces = [], CostShares = [new() { Nation = "JOR", Percent = 100 }],
            }, "participants", "Participating nations: add at least two nations that are not observers" },
        { "observer with forces", p => p with { Forces = [.. p.Forces, new() { Nation = "MYS", Unit = "Liaison team", Personnel = 2 }] },
            "forces[1]", "Force contributions, row 2: Malaysia (MYS) is an observer and contributes no forces; remove the row" },
        { "observer with cost share", p => p with { CostShares = [.. p.CostShares, new() { Nation = "MYS", Percent = 0 }] },
            "costShares[3]", "Cost shares, row 4: Malaysia (MYS) is an observer and carries no cost share; remove the row" },
        { "shares not 100", p => p with { CostShares = [.. p.CostShares.Take(2), new() { Nation = "PAK", Percent = 15 }] },
            "costShares", "Cost shares: the non-observer nations add up to 95 %, they must add up to 100 %" },
        { "releasable to outsider", p => p with { ReleasableTo = ["JOR", "USA"] }, "releasableTo[1]", "Releasable to: United States of America (USA) does not take part; release only to participating nations" },
        { "observer also host", p => p with { Participants = [Nation("JOR", ParticipantRole.Host, ParticipantRole.Observer), .. p.Participants.Skip(1)] },
            "participants[0].roles", "Participating nations, row 1, roles: an observer holds no other role" },
        { "nation twice", p => p with { Participants = [.. p.Participants, Nation("PAK", ParticipantRole.Participant)] },
            "participants", "Participating nations: Pakistan (PAK) is listed twice; remove one of the rows" },
        { "no objectives", p => p with { Objectives = [] }, "objectives", "Training objectives: add at least one training objective" },
        { "conference after start", p => p with { Conferences = [new() { Kind = ConferenceKind.FPC, Date = p.StartDate.AddDays(1), Location = "Amman" }] },
            "conferences[0]", "Planning conferences, row 1: the FPC on " },
        { "bad e-mail", p => p with { Contacts = [p.Contacts[0] with { Email = "not-an-address" }] }, "contacts[0].email", "Points of contact, row 1, e-mail: 'not-an-address' is not an e-mail address; enter one such as name@example.org" },
        { "negative personnel", p => p with { Forces = [p.Forces[0] with { Personnel = -1 }] }, "forces[0].personnel", "Force contributions, row 1, personnel: enter a number of people from 0 to 100,000" },
        { "NUL in an objective", p => p with { Objectives = [p.Objectives[0] with { Text = "Rehearse\u0000 evacuation" }] }, "objectives[0].text", "control character U+0000" },
        { "terminal escape in a contact", p => p with { Contacts = [p.Contacts[0] with { Name = "Maj \u001b[31mRed" }] }, "contacts[0].name", "control character U+001B" },
    };

    [Theory]
    [MemberData(nameof(RefusedProposals))]
    public async Task Import_refuses_a_proposal_that_breaks_a_rule_and_changes_nothing(
        string rule, Func<ProposalContent, ProposalContent> mutate, string path, string message)
    {
        await Fixture.AddStaffAsync();
        var before = await Fixture.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(
            () => Fixture.Send(new ImportProposal(mutate(Samples.Proposal()), "tur.coordinator")));

        Assert.Contains(refused.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(before, await Fixture.FingerprintAsync());
        Assert.False(string.IsNullOrEmpty(rule));
    }

    public static TheoryData<string, Func<ProposalContent, ProposalContent>> AcceptedEdgeCases => new()
    {
        { "one-day exercise", p => p with { EndDate = p.StartDate } },
        { "host is also lead", p => p with { Participants = [Nation("JOR", ParticipantRole.Host, ParticipantRole.Lead), .. p.Participants.Skip(2)],
            ReleasableTo = ["JOR", "PAK"], Forces = [], CostShares = [new() { Nation = "JOR", Percent = 70 }, new() { Nation = "PAK", Percent = 30 }] } },
        { "no observers, fractional shares", p => p with { Participants = [.. p.Participants.Take(3)],
            CostShares = [new() { Nation = "JOR", Percent = 33.34m }, new() { Nation = "TUR", Percent = 33.33m }, new() { Nation = "PAK", Percent = 33.33m }] } },
        { "name at its limit", p => p with { Name = new string('x', 200) } },
    };

    [Theory]
    [MemberData(nameof(AcceptedEdgeCases))]
    public async Task Import_accepts_a_proposal_at_the_edge_of_the_rules(string rule, Func<ProposalContent, ProposalContent> mutate)
    {
        await Fixture.AddStaffAsync();
        var result = await Fixture.Send(new ImportProposal(mutate(Samples.Proposal()), "tur.coordinator"));
        Assert.True(result.Created, rule);
        Assert.Equal(ProposalStatus.Draft, (await Fixture.Send(new ShowProposal(result.Code))).Status);
    }

    [Fact]
    public async Task Submit_requires_thirty_days_of_lead_time()
    {
        await Fixture.AddStaffAsync();
        var sample = Samples.Proposal();
        await Fixture.Send(new ImportProposal(sample, "tur.coordinator"));

        Fixture.Clock.SetDate(sample.StartDate.AddDays(-29));
        var before = await Fixture.FingerprintAsync();
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new SubmitProposal(sample.Code, "tur.coordinator")));
        Assert.Contains(refused.Problems, p => p.Path == "startDate" && p.Message.StartsWith("Start date: partner nations need 30 days from submission; choose a start on or after ", StringComparison.Ordinal));
        Assert.Equal(before, await Fixture.FingerprintAsync());

        Fixture.Clock.SetDate(sample.StartDate.AddDays(-30));
        var submitted = await Fixture.Send(new SubmitProposal(sample.Code, "tur.coordinator"));
        Assert.Equal(ProposalStatus.Submitted, submitted.Status);
    }

    [Fact]
    public async Task A_code_drafted_by_one_coordinator_cannot_be_overwritten_by_another()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        var before = await Fixture.FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(
            () => Fixture.Send(new ImportProposal(Samples.Proposal() with { Name = "Hijacked" }, "jor.coordinator")));

        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Only_coordinators_import_and_unknown_users_are_refused()
    {
        await Fixture.AddStaffAsync();
        var before = await Fixture.FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new ImportProposal(Samples.Proposal(), "jor.approver")));
        var unknown = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ImportProposal(Samples.Proposal(), "nobody")));
        Assert.Equal("--as: unknown user 'nobody'", unknown.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }
}
