using System.Text.Json.Serialization;

namespace ExercisePlanner.Core.Domain;

/// <summary>
/// Everything a coordinator writes about an exercise: exactly the proposal file of the contract.
/// Immutable; a revision is a snapshot of one of these.
/// </summary>
public sealed record ProposalContent
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required ExerciseType Type { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required string Location { get; init; }
    public required Classification Classification { get; init; }
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];
    public string Summary { get; init; } = "";
    public required IReadOnlyList<Participant> Participants { get; init; }
    public IReadOnlyList<TrainingObjective> Objectives { get; init; } = [];
    public IReadOnlyList<ForceContribution> Forces { get; init; } = [];
    public IReadOnlyList<CostShare> CostShares { get; init; } = [];
    public IReadOnlyList<PlanningConference> Conferences { get; init; } = [];
    public IReadOnlyList<PointOfContact> Contacts { get; init; } = [];

    [JsonIgnore] public string? HostNation => Participants.FirstOrDefault(p => p.Has(ParticipantRole.Host))?.Nation;
    [JsonIgnore] public string? LeadNation => Participants.FirstOrDefault(p => p.Has(ParticipantRole.Lead))?.Nation;

    /// <summary>Nations that take part with forces, money and a say in approval.</summary>
    [JsonIgnore] public IEnumerable<string> ContributingNations =>
        Participants.Where(p => !p.IsObserver).Select(p => p.Nation);
}

public sealed record Participant
{
    public required string Nation { get; init; }
    public required IReadOnlyList<ParticipantRole> Roles { get; init; }

    public bool Has(ParticipantRole role) => Roles.Contains(role);
    [JsonIgnore] public bool IsObserver => Roles.Contains(ParticipantRole.Observer);
}

public sealed record TrainingObjective
{
    public required string Code { get; init; }
    public required string Text { get; init; }
}

public sealed record ForceContribution
{
    public required string Nation { get; init; }
    public required string Unit { get; init; }
    public int Personnel { get; init; }
    public string Equipment { get; init; } = "";
}

public sealed record CostShare
{
    public required string Nation { get; init; }
    public required decimal Percent { get; init; }
}

public sealed record PlanningConference
{
    public required ConferenceKind Kind { get; init; }
    public required DateOnly Date { get; init; }
    public required string Location { get; init; }
}

public sealed record PointOfContact
{
    public required string Nation { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string Phone { get; init; } = "";
}
