using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;

namespace ExercisePlanner.Testing;

/// <summary>
/// A proposal with every list at its limit (<see cref="ProposalLimits"/>) and every text at its longest:
/// the most work one accepted request can ask of the planner. <see cref="Over"/> goes past a limit.
/// </summary>
public static class LargestProposal
{
    public static ProposalContent Build(string code, DateOnly startDate)
    {
        var nations = Nation.All.Take(ProposalLimits.Nations).Select(n => n.Code).ToList();
        ParticipantRole[] RolesOf(int i) => i switch { 0 => [ParticipantRole.Host], 1 => [ParticipantRole.Lead], _ => [ParticipantRole.Participant] };
        string Text(int length, int i) => string.Concat(Enumerable.Repeat($"Item {i} ", length)).Substring(0, length);
        return new ProposalContent
        {
            Code = code,
            Name = Text(ProposalContentValidator.MaxNameLength, 0),
            Type = ExerciseType.CPX,
            StartDate = startDate,
            EndDate = startDate.AddDays(14),
            Location = Text(ProposalContentValidator.MaxNameLength, 1),
            Classification = Classification.Restricted,
            ReleasableTo = nations,
            Summary = Text(ProposalContentValidator.MaxTextLength, 2),
            Participants = nations.Select((n, i) => new Participant { Nation = n, Roles = RolesOf(i) }).ToList(),
            Objectives = Enumerable.Range(1, ProposalLimits.Objectives).Select(i => new TrainingObjective { Code = $"TO-{i}", Text = Text(1000, i) }).ToList(),
            Forces = Enumerable.Range(0, ProposalLimits.Forces).Select(i => new ForceContribution
                { Nation = nations[i % nations.Count], Unit = Text(ProposalContentValidator.MaxNameLength, i), Personnel = 100, Equipment = Text(1000, i) }).ToList(),
            CostShares = nations.Select(n => new CostShare { Nation = n, Percent = 100m / ProposalLimits.Nations }).ToList(),
            Conferences = Enumerable.Range(0, ProposalLimits.Conferences).Select(i => new PlanningConference
                { Kind = ConferenceKind.MPC, Date = startDate.AddDays(-100 + i), Location = Text(ProposalContentValidator.MaxNameLength, i) }).ToList(),
            Contacts = Enumerable.Range(0, ProposalLimits.Contacts).Select(i => new PointOfContact
                { Nation = nations[i % nations.Count], Name = $"Maj Contact {i}", Email = $"poc{i}@example.org", Phone = "+962 6 000 0000" }).ToList(),
        };
    }

    /// <summary>
    /// A user for every step the shipped approval workflow opens for <see cref="Build"/> (a submission with a step nobody
    /// holds is refused): each nation's national approver (also its chief of staff, to whom an overdue national review
    /// escalates), the host's legal, logistics and security reviewer, the lead's director.
    /// </summary>
    public static IEnumerable<AddUser> Staff()
    {
        var nations = Nation.All.Take(ProposalLimits.Nations).Select(n => n.Code).ToList();
        foreach (var nation in nations) yield return new AddUser($"largest.{nation.ToLowerInvariant()}", nation, ["national-approver", "chief-of-staff"]);
        yield return new AddUser("largest.host-reviewer", nations[0], ["legal-advisor", "logistics-officer", "security-officer"]);
        yield return new AddUser("largest.lead-director", nations[1], ["exercise-director"]);
    }

    /// <summary>The largest proposal with <paramref name="count"/> participants and as many releasable nations, cost shares and contacts: past the limits when count exceeds them.</summary>
    public static ProposalContent Over(string code, DateOnly startDate, int count)
    {
        var largest = Build(code, startDate);
        var codes = Enumerable.Range(0, count).Select(i => Nation.All.ElementAt(i % Nation.All.Count).Code).ToList();
        return largest with
        {
            Participants = codes.Select((n, i) => new Participant { Nation = n, Roles = i == 0 ? [ParticipantRole.Host, ParticipantRole.Lead] : [ParticipantRole.Participant] }).ToList(),
            ReleasableTo = codes,
            Contacts = codes.Select((n, i) => new PointOfContact { Nation = n, Name = $"Contact {i}", Email = $"poc{i}@example.org" }).ToList(),
        };
    }
}
