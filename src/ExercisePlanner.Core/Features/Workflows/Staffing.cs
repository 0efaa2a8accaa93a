using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// A step a workflow will open for a nation and role that no user of that nation holds: nobody could decide it. With
/// <paramref name="Escalation"/>, the role is the one the stage escalates an overdue step to: nobody could take it over.
/// </summary>
public sealed record UnstaffedStep(string Stage, string Nation, string Role, bool Escalation = false)
{
    /// <summary>
    /// "No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review)", or for an escalation
    /// "No one in Jordan (JOR) holds the chief of staff role, to whom an overdue step escalates (National review)".
    /// </summary>
    public string Sentence => $"No one in {Words.Nation(Nation)} holds the {Words.Role(Role)} role{(Escalation ? ", to whom an overdue step escalates" : "")} ({Stage})";
}

/// <summary>
/// Submission refused because some steps would have nobody to decide them; nothing was changed.
/// Exit code 2 / HTTP 422, naming each nation and role and the administrators who can add users.
/// </summary>
public sealed class UnstaffedException(string code, IReadOnlyList<UnstaffedStep> missing, IReadOnlyList<string> administrators)
    : Exception($"{code} cannot be submitted: {string.Join("; ", missing.Select(m => m.Sentence))}. {Staffing.Ask(administrators)}")
{
    public IReadOnlyList<UnstaffedStep> Missing { get; } = missing;
    public IReadOnlyList<string> Administrators { get; } = administrators;
}

/// <summary>
/// Whether the users on record can take every step a plan needs. The engine knows nothing of users, so the check
/// lives here: a step needs at least one user of its nation holding its role.
/// </summary>
public static class Staffing
{
    /// <summary>
    /// The planned steps (of stages that will run) whose nation and role, or whose stage's escalation role in that nation,
    /// nobody but the coordinator holds, in plan order (escalation roles last): a coordinator never decides their own proposal, so holding the role
    /// themselves does not staff a step. Deactivated users are filtered out by the context.
    /// </summary>
    public static async Task<IReadOnlyList<UnstaffedStep>> UnstaffedAsync(this PlannerDbContext db, IEnumerable<PlannedStage> plan,
        string coordinator, CancellationToken cancellationToken)
    {
        var needs = plan.Where(p => p.Applies).SelectMany(p => p.Steps.SelectMany(s => Needs(p.Stage, s))).Distinct().ToList();
        if (needs.Count == 0) return [];
        var nations = needs.Select(s => s.Nation).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => nations.Contains(u.Nation) && u.Name != coordinator).Select(u => new { u.Nation, u.Roles }).ToListAsync(cancellationToken);
        var held = users.SelectMany(u => u.Roles.Select(role => (u.Nation, role))).ToHashSet();
        // Those who decide first, then those an overdue step escalates to: the first are what stops an approval outright.
        return needs.Where(s => !held.Contains((s.Nation, s.Role))).OrderBy(s => s.Escalation).ToList();
    }

    /// <summary>Who a planned step needs: its role, then the role its stage escalates to when overdue (if another).</summary>
    private static IEnumerable<UnstaffedStep> Needs(StageDefinition stage, PlannedStep step)
    {
        yield return new UnstaffedStep(stage.Name, step.Nation, step.Role);
        if (stage.EscalateTo is { } escalation && escalation != step.Role)
            yield return new UnstaffedStep(stage.Name, step.Nation, escalation, Escalation: true);
    }

    /// <summary>The administrators, by display name: who can add the users a step lacks.</summary>
    public static async Task<IReadOnlyList<string>> AdministratorsAsync(this PlannerDbContext db, CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.Roles.Contains(User.Admin)).OrderBy(u => u.Name).ToListAsync(cancellationToken))
        .Select(u => PersonView.From(u).Label).ToList();

    /// <summary>Whom to ask, in words.</summary>
    public static string Ask(IReadOnlyList<string> administrators) => administrators.Count switch
    {
        0 => "Ask your administrator to add a user for each.",
        1 => $"Ask your administrator, {administrators[0]}, to add a user for each.",
        _ => $"Ask an administrator ({string.Join(", ", administrators)}) to add a user for each.",
    };

    /// <summary>Refuses a start whose plan has steps nobody can decide.</summary>
    public static async Task RequireStaffedAsync(this PlannerDbContext db, Proposal proposal, IEnumerable<PlannedStage> plan, CancellationToken cancellationToken)
    {
        var missing = await db.UnstaffedAsync(plan, proposal.Coordinator, cancellationToken);
        if (missing.Count == 0) return;
        // One line per nation and role, even when several stages need it.
        var distinct = missing.DistinctBy(m => (m.Nation, m.Role)).ToList();
        throw new UnstaffedException(proposal.Code, distinct, await db.AdministratorsAsync(cancellationToken));
    }
}
