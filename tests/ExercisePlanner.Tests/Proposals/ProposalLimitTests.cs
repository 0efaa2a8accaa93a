using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Testing;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>Issue 11, finding 1: list sizes are limited, and a proposal is checked before the writer lock is taken.</summary>
public sealed class ProposalLimitTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private const string Sample = "NORTHERN-BRIDGE-27";
    private static readonly DateOnly Start = DateOnly.FromDateTime(PlannerFixture.Today.UtcDateTime).AddDays(200);

    [Fact]
    public async Task The_largest_allowed_proposal_is_accepted()
    {
        await Fixture.AddStaffAsync();
        var result = await Fixture.Send(new ImportProposal(LargestProposal.Build("LARGEST-27", Start), "tur.coordinator"));
        Assert.True(result.Created);
    }

    [Fact]
    public async Task Lists_over_their_limit_are_refused_naming_list_and_limit_and_nothing_else_is_read()
    {
        await Fixture.AddStaffAsync();
        var before = await Fixture.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Fixture.Send(new ImportProposal(LargestProposal.Over("HUGE-27", Start, 20_000), "tur.coordinator", "huge.json")));

        Assert.Equal(
        [
            new Problem("participants", "Participating nations: lists 20000 entries; at most 50 are allowed"),
            new Problem("releasableTo", "Releasable to: lists 20000 entries; at most 50 are allowed"),
            new Problem("contacts", "Points of contact: lists 20000 entries; at most 100 are allowed"),
        ], refused.Problems);
        Assert.StartsWith("huge.json: participants: Participating nations: lists 20000 entries", refused.Message);
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task One_entry_past_a_limit_is_refused()
    {
        await Fixture.AddStaffAsync();
        var largest = LargestProposal.Build("LARGEST-27", Start);
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ImportProposal(
            largest with { Forces = [.. largest.Forces, largest.Forces[0]] }, "tur.coordinator")));
        Assert.Equal([new Problem("forces", $"Force contributions: lists {ProposalLimits.Forces + 1} entries; at most {ProposalLimits.Forces} are allowed")], refused.Problems);
    }

    [Fact]
    public async Task A_refused_proposal_is_checked_without_waiting_for_the_writer_lock()
    {
        await Fixture.AddStaffAsync();
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();

        // Another writer holds the lock; checking a proposal must not queue behind it.
        Task<ImportResult> import;
        await using (await db.BeginWriteAsync(CancellationToken.None))
        {
            import = Fixture.Send(new ImportProposal(Samples.Proposal() with { EndDate = new DateOnly(2020, 1, 1) }, "tur.coordinator"));
            var first = await Task.WhenAny(import, Task.Delay(TimeSpan.FromSeconds(20)));
            Assert.Same(import, first);
        }
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => import);
        Assert.Contains(refused.Problems, p => p.Path == "endDate");
    }

    [Fact]
    public async Task Submitting_the_largest_proposal_reads_the_holders_of_all_its_steps_in_one_query()
    {
        await Fixture.AddStaffAsync();
        foreach (var user in LargestProposal.Staff()) await Fixture.Send(user);
        await Fixture.Send(new ImportProposal(LargestProposal.Build("LARGEST-27", Start), "tur.coordinator"));

        var statements = new List<string>();
        using (var events = new EfEvents())
            await events.Watch((name, payload) => { if (name == RelationalEventId.CommandExecuting.Name && payload is CommandEventData c) statements.Add(c.Command.CommandText); },
                () => Fixture.Send(new SubmitProposal("LARGEST-27", "tur.coordinator")));

        var opened = await Fixture.WithDb(db => db.WorkflowSteps.CountAsync(s => s.SubjectKey == "LARGEST-27"));
        Assert.True(opened >= ProposalLimits.Nations, $"{opened} steps opened");
        // The submitter (read ahead, and under the lock), the staffing check (the plan's nations at once), then every
        // opened step's holders at once (not a query per step, each keeping other writers waiting).
        Assert.Equal(4, statements.Count(s => s.Contains("FROM \"Users\"")));
    }

    [Fact]
    public async Task A_submission_whose_content_breaks_a_rule_is_refused_without_waiting_for_the_writer_lock()
    {
        await Fixture.AddStaffAsync();
        // A draft saved from the editor keeps half-finished work; submission holds it to every rule.
        await Fixture.Send(new ImportProposal(Samples.Proposal() with { EndDate = new DateOnly(2020, 1, 1) }, "tur.coordinator", Rules: ProposalRules.Identity));
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();

        Task<ProposalSummary> submit;
        await using (await db.BeginWriteAsync(CancellationToken.None))
        {
            submit = Fixture.Send(new SubmitProposal(Sample, "tur.coordinator"));
            Assert.Same(submit, await Task.WhenAny(submit, Task.Delay(TimeSpan.FromSeconds(20))));
        }
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => submit);
        Assert.Contains(refused.Problems, p => p.Path == "endDate");
        Assert.Equal(ProposalStatus.Draft, await Fixture.WithDb(d => d.Proposals.Where(p => p.Code == Sample).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Someone_else_learns_nothing_of_a_draft_from_its_content_check()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal() with { EndDate = new DateOnly(2020, 1, 1) }, "tur.coordinator", Rules: ProposalRules.Identity));

        // An approver of a participating nation may see it but not submit it: told so, not what is wrong with it.
        await Assert.ThrowsAsync<ForbiddenException>(() => Fixture.Send(new SubmitProposal(Sample, "tur.approver")));
        // A user of a nation outside it: as if it did not exist.
        await Fixture.Send(new AddUser("usa.approver", "USA", ["national-approver"], "Col Smith"));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.Send(new SubmitProposal(Sample, "usa.approver")));
    }

    [Fact]
    public async Task A_proposal_read_ahead_is_read_again_under_the_lock_when_it_changed_meanwhile()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        await using var scope = Fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        var readAhead = scope.ServiceProvider.GetRequiredService<ProposalReadAhead>();
        Assert.NotNull(await readAhead.ReadAsync(Sample, CancellationToken.None));

        await Fixture.Send(new ImportProposal(Samples.Proposal() with { Name = "Changed meanwhile" }, "tur.coordinator"));

        await using (await db.BeginWriteAsync(CancellationToken.None))
        {
            var (proposal, unchanged) = await readAhead.RequireAsync(Sample, CancellationToken.None);
            Assert.False(unchanged);
            Assert.Equal("Changed meanwhile", proposal.Content.Name);
            // Read ahead again while this unit of work tracks it: the tracked record, never a second one.
            await readAhead.ReadAsync(Sample, CancellationToken.None);
            Assert.Same(proposal, (await readAhead.RequireAsync(Sample, CancellationToken.None)).Proposal);
        }
        // Unchanged since it was read (in the next unit of work): the same record, now tracked.
        await using var next = Fixture.Services.CreateAsyncScope();
        var nextDb = next.ServiceProvider.GetRequiredService<PlannerDbContext>();
        var nextReadAhead = next.ServiceProvider.GetRequiredService<ProposalReadAhead>();
        var read = await nextReadAhead.ReadAsync(Sample, CancellationToken.None);
        await using (await nextDb.BeginWriteAsync(CancellationToken.None))
        {
            var (proposal, unchanged) = await nextReadAhead.RequireAsync(Sample, CancellationToken.None);
            Assert.True(unchanged);
            Assert.Same(read, proposal);
            Assert.Equal(EntityState.Unchanged, nextDb.Entry(proposal).State);
        }
    }
}
