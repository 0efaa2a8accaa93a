using System.Text.Json;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>
/// A proposal revision as the workflow runtime sees it: facts for conditions and nations for assignees.
/// An amendment is seen against the revision in force (<paramref name="inForce"/>): what it changed and whom it affects.
/// </summary>
public sealed class ProposalSubject(string code, int revision, ProposalContent content, ProposalContent? inForce = null) : IWorkflowSubject
{
    /// <summary>The fields of the proposal file, as named there: the values of <c>changed</c>.</summary>
    public static IReadOnlyList<string> Fields { get; } = JsonSerializer.SerializeToNode(
        new ProposalContent { Code = "", Name = "", Type = default, StartDate = default, EndDate = default, Location = "", Classification = default, Participants = [] },
        JsonFormat.Strict)!.AsObject().Select(p => p.Key).ToList();

    /// <summary>The facts definitions may test, with their values; classification is ordered.</summary>
    public static FactCatalog Facts { get; } = new(
    [
        new FactDefinition("type", Enum.GetNames<ExerciseType>()),
        new FactDefinition("classification", Enum.GetValues<Classification>().Select(c => c.Name()).ToList(), Ordered: true),
        new FactDefinition("hostNation", Nation.All.Select(n => n.Code).ToList()),
        new FactDefinition("leadNation", Nation.All.Select(n => n.Code).ToList()),
        new FactDefinition("changed", Fields, Many: true),
        new FactDefinition("nationsAffected", Nation.All.Select(n => n.Code).ToList(), Many: true),
    ]);

    /// <summary>The proposal as it stands; an amendment against the revision in force.</summary>
    public static ProposalSubject Of(Proposal proposal) =>
        new(proposal.Code, proposal.Revision, proposal.Content, proposal.IsAmending ? proposal.InForce!.Content : null);

    public string Key => code;
    public int Revision => revision;

    /// <summary>The fields an amendment changed; none for a first submission.</summary>
    public IReadOnlyList<string> Changed { get; } = inForce is null ? [] : ProposalChanges.Between(inForce, content);

    /// <summary>Nations an amendment adds, removes, or whose roles, forces or cost shares it changes.</summary>
    public IReadOnlyList<string> NationsAffected { get; } = inForce is null ? [] : Affected(inForce, content);

    public string? Fact(string name) => name switch
    {
        "type" => content.Type.ToString(),
        "classification" => content.Classification.Name(),
        "hostNation" => content.HostNation,
        "leadNation" => content.LeadNation,
        _ => null,
    };

    public IReadOnlyList<string> FactValues(string name) => name switch
    {
        "changed" => Changed,
        "nationsAffected" => NationsAffected,
        _ => Fact(name) is { } value ? [value] : [],
    };

    public IReadOnlyList<string> Nations(Assignees assignees, IReadOnlyList<string>? listed) => assignees switch
    {
        Assignees.Each => content.ContributingNations.ToList(),
        Assignees.Host => content.HostNation is { } host ? [host] : [],
        Assignees.Lead => content.LeadNation is { } lead ? [lead] : [],
        Assignees.Affected => NationsAffected,
        _ => listed ?? [],
    };

    private static List<string> Affected(ProposalContent before, ProposalContent after)
    {
        string Part(ProposalContent c, string nation) => string.Join(";",
            c.Participants.Where(p => p.Nation == nation).SelectMany(p => p.Roles).Order().Select(r => r.ToString())
                .Concat(c.Forces.Where(f => f.Nation == nation).Select(f => $"{f.Unit}|{f.Personnel}|{f.Equipment}"))
                .Concat(c.CostShares.Where(s => s.Nation == nation).Select(s => ((double)s.Percent).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return before.Participants.Select(p => p.Nation).Union(after.Participants.Select(p => p.Nation))
            .Where(nation => Part(before, nation) != Part(after, nation))
            .Order(StringComparer.Ordinal).ToList();
    }
}
