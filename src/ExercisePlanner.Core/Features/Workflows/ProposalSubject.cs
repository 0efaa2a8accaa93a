using ExercisePlanner.Core.Domain;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Features.Workflows;

/// <summary>A proposal revision as the workflow runtime sees it: facts for conditions and nations for assignees.</summary>
public sealed class ProposalSubject(string code, int revision, ProposalContent content) : IWorkflowSubject
{
    /// <summary>The facts definitions may test, with their values; classification is ordered.</summary>
    public static FactCatalog Facts { get; } = new(
    [
        new FactDefinition("type", Enum.GetNames<ExerciseType>()),
        new FactDefinition("classification", Enum.GetValues<Classification>().Select(c => c.Name()).ToList(), Ordered: true),
        new FactDefinition("hostNation", Nation.All.Select(n => n.Code).ToList()),
        new FactDefinition("leadNation", Nation.All.Select(n => n.Code).ToList()),
    ]);

    public static ProposalSubject Of(Proposal proposal) => new(proposal.Code, proposal.Revision, proposal.Content);

    public string Key => code;
    public int Revision => revision;

    public string? Fact(string name) => name switch
    {
        "type" => content.Type.ToString(),
        "classification" => content.Classification.Name(),
        "hostNation" => content.HostNation,
        "leadNation" => content.LeadNation,
        _ => null,
    };

    public IReadOnlyList<string> Nations(Assignees assignees, IReadOnlyList<string>? listed) => assignees switch
    {
        Assignees.Each => content.ContributingNations.ToList(),
        Assignees.Host => content.HostNation is { } host ? [host] : [],
        Assignees.Lead => content.LeadNation is { } lead ? [lead] : [],
        _ => listed ?? [],
    };
}
