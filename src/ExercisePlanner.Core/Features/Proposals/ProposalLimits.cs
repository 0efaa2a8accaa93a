using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// How long each list of a proposal may be. Generous for any real exercise (the largest multinational
/// exercises have a few dozen nations and some hundred force contributions), and small enough that the
/// largest proposal accepted is read, checked and stored in milliseconds.
/// </summary>
public static class ProposalLimits
{
    public const int Nations = 50;
    public const int Objectives = 100;
    public const int Forces = 200;
    public const int Conferences = 20;
    public const int Contacts = 100;
    public const int RolesPerNation = 4;

    /// <summary>Each list over its limit, named as in the proposal file.</summary>
    public static IReadOnlyList<Problem> Exceeded(ProposalContent p)
    {
        var problems = new List<Problem>();
        void Check(string list, int count, int limit)
        {
            if (count > limit) problems.Add(new Problem(list, $"lists {count} entries; at most {limit} are allowed"));
        }
        Check("participants", p.Participants?.Count ?? 0, Nations);
        Check("releasableTo", p.ReleasableTo?.Count ?? 0, Nations);
        Check("costShares", p.CostShares?.Count ?? 0, Nations);
        Check("objectives", p.Objectives?.Count ?? 0, Objectives);
        Check("forces", p.Forces?.Count ?? 0, Forces);
        Check("conferences", p.Conferences?.Count ?? 0, Conferences);
        Check("contacts", p.Contacts?.Count ?? 0, Contacts);
        for (var i = 0; i < Math.Min(p.Participants?.Count ?? 0, Nations); i++)
            Check($"participants[{i}].roles", p.Participants![i].Roles?.Count ?? 0, RolesPerNation);
        return problems;
    }
}
