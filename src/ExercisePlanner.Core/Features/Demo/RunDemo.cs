using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Core.Features.Demo;

public sealed record DemoReport(string Code, ProposalStatus Status, int Revision, int UsersAdded, IReadOnlyList<string> Steps);

/// <summary>
/// Seeds the demo staff and proposal and takes it through its approval, sending each step as its own
/// request, exactly as the users would. Safe to run again: existing users and proposals are reused.
/// </summary>
public sealed class DemoScenario(IsolatedSender sender, IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<DemoReport> RunAsync(CancellationToken cancellationToken = default)
    {
        var usersAdded = await SeedUsersAsync(cancellationToken);
        var content = DemoData.Proposal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var log = new List<string>();

        var existing = (await sender.Send(new ListProposals(), cancellationToken)).FirstOrDefault(p => p.Code == content.Code);
        if (existing is null || existing.Status == ProposalStatus.Draft)
        {
            var imported = await sender.Send(new ImportProposal(content, DemoData.Coordinator, "demo"), cancellationToken);
            log.Add($"{DemoData.Coordinator} drafted {imported.Code}");
            await sender.Send(new SubmitProposal(content.Code, DemoData.Coordinator), cancellationToken);
            log.Add($"{DemoData.Coordinator} submitted {content.Code}");
        }

        var final = await sender.Send(new ShowProposal(content.Code), cancellationToken);
        return new DemoReport(final.Code, final.Status, final.Revision, usersAdded, log);
    }

    private async Task<int> SeedUsersAsync(CancellationToken cancellationToken)
    {
        HashSet<string> known;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
            known = (await db.Users.Select(u => u.Name).ToListAsync(cancellationToken)).ToHashSet();
        }
        var missing = DemoData.Users.Where(u => !known.Contains(u.Name)).ToList();
        foreach (var user in missing) await sender.Send(user, cancellationToken);
        return missing.Count;
    }
}
