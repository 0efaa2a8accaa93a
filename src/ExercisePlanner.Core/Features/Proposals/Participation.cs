using System.Runtime.CompilerServices;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// Who takes part in one proposal, as sets: the validator asks "is this nation a participant / an observer"
/// once per list entry, which over the participants list each time made validation quadratic in the proposal.
/// Built once per content instance (content is immutable) and forgotten with it.
/// </summary>
internal sealed class Participation
{
    private static readonly ConditionalWeakTable<ProposalContent, Participation> Cache = new();

    private readonly HashSet<string> _nations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _observers = new(StringComparer.Ordinal);

    private Participation(ProposalContent content)
    {
        foreach (var participant in content.Participants ?? [])
        {
            if (participant?.Nation is not { } nation) continue;
            _nations.Add(nation);
            if (participant.Roles?.Contains(ParticipantRole.Observer) == true) _observers.Add(nation);
        }
    }

    public static Participation Of(ProposalContent content) => Cache.GetValue(content, c => new Participation(c));

    public bool Includes(string? nation) => nation is not null && _nations.Contains(nation);
    public bool Observes(string? nation) => nation is not null && _observers.Contains(nation);
}
