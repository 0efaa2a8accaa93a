using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Core.Features.Demo;

public sealed record DemoReport(string Code, ProposalStatus Status, int Revision, int UsersAdded, IReadOnlyList<string> Log);

/// <summary>
/// Seeds the demo staff and proposal and takes it through its whole approval, with one round of
/// requested changes, sending each step as its own request exactly as the users would. Safe to run
/// again: it picks up wherever the proposal stands.
/// </summary>
public sealed class DemoScenario(IsolatedSender sender, IServiceScopeFactory scopes, TimeProvider clock)
{
    private const string ChangeRequester = "pak.approver";

    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var log = new List<string>();
        var usersAdded = await SeedUsersAsync(cancellationToken);
        var content = DemoData.Proposal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var code = content.Code;

        var status = (await sender.Send(new ListProposals(), cancellationToken)).FirstOrDefault(p => p.Code == code)?.Status;
        if (status is null or ProposalStatus.Draft)
        {
            await sender.Send(new ImportProposal(content, DemoData.Coordinator, "demo"), cancellationToken);
            await sender.Send(new SubmitProposal(code, DemoData.Coordinator), cancellationToken);
            log.Add($"{Who(DemoData.Coordinator)} submitted {code} as revision 1");
        }

        for (var round = 0; round < 20; round++)
        {
            var proposal = await sender.Send(new ShowProposal(code), cancellationToken);
            if (proposal.Status == ProposalStatus.ChangesRequested)
            {
                await sender.Send(new ImportProposal(Revised(proposal.Content!), DemoData.Coordinator, "demo"), cancellationToken);
                var resubmitted = await sender.Send(new SubmitProposal(code, DemoData.Coordinator), cancellationToken);
                log.Add($"{Who(DemoData.Coordinator)} shifted the cost shares and resubmitted {code} as revision {resubmitted.Revision}");
                continue;
            }
            if (proposal.Status != ProposalStatus.Submitted) break;
            await DecideOpenStepsAsync(code, proposal.Revision, log, cancellationToken);
        }

        var final = await sender.Send(new ShowProposal(code), cancellationToken);
        return new DemoReport(final.Code, final.Status, final.Revision, usersAdded, log);
    }

    /// <summary>Every demo approver decides what is in their inbox; Pakistan asks for changes to revision 1.</summary>
    private async Task DecideOpenStepsAsync(string code, int revision, List<string> log, CancellationToken cancellationToken)
    {
        foreach (var user in DemoData.Users.Where(u => u.Name != DemoData.Coordinator))
        {
            var steps = await sender.Send(new ListSteps(user.Name, code), cancellationToken);
            foreach (var step in steps)
            {
                var (decision, comment) = user.Name == ChangeRequester && revision == 1
                    ? (Decision.RequestChanges, "Pakistan can carry at most 10 percent of the costs this fiscal year; please rebalance the shares.")
                    : (Decision.Approve, $"{Nation.NameOf(user.Nation)} concurs ({step.StageName}).");
                var result = await sender.Send(new DecideStep(step.Id, decision, comment, user.Name), cancellationToken);
                log.Add($"{Who(user.Name)}, {step.StageName} for {Words.Nation(step.Nation)}: {Words.Verb(decision)} the proposal; it is now {Words.Of(result.ProposalStatus).ToLowerInvariant()}");
                if (result.ProposalStatus != ProposalStatus.Submitted) return;
            }
        }
    }

    /// <summary>A demo user as people know them: "Lt Col Emre Aydin".</summary>
    private static string Who(string name) => DemoData.Users.Single(u => u.Name == name).DisplayName is { Length: > 0 } person ? person : name;

    private static ProposalContent Revised(ProposalContent content) => content with
    {
        CostShares = content.CostShares.Select(share => share.Nation switch
        {
            "PAK" => share with { Percent = 10 },
            "JOR" => share with { Percent = share.Percent + 5 },
            _ => share,
        }).ToList(),
    };

    /// <summary>
    /// The demo staff and <paramref name="count"/> copies of the demo proposal, each submitted and waiting
    /// on its national approvals (<see cref="DemoData.NationalApprovers"/>): the load that the benchmarks and
    /// the crash test drive.
    /// </summary>
    public async Task<IReadOnlyList<string>> SeedInFlightAsync(int count, string prefix = "LOAD", CancellationToken cancellationToken = default)
    {
        await SeedUsersAsync(cancellationToken);
        var template = DemoData.Proposal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var codes = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:00000}").ToList();
        foreach (var code in codes)
        {
            await sender.Send(new ImportProposal(template with { Code = code }, DemoData.Coordinator, "load"), cancellationToken);
            await sender.Send(new SubmitProposal(code, DemoData.Coordinator), cancellationToken);
        }
        return codes;
    }

    private async Task<int> SeedUsersAsync(CancellationToken cancellationToken)
    {
        HashSet<string> known;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
            known = (await db.Users.IgnoreQueryFilters().Select(u => u.Name).ToListAsync(cancellationToken)).ToHashSet();
        }
        var missing = DemoData.Users.Where(u => !known.Contains(u.Name)).ToList();
        foreach (var user in missing) await sender.Send(user, cancellationToken);
        return missing.Count;
    }
}
