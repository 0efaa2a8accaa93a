using System.Text;

namespace ExercisePlanner.Workflows.Definitions;

/// <summary>A definition as a Mermaid flowchart: stages in order, conditional ones as decisions.</summary>
public static class MermaidDiagram
{
    public static string Render(WorkflowDefinition definition)
    {
        var text = new StringBuilder();
        text.AppendLine("flowchart TD");
        text.AppendLine($"    start([\"Submitted: {Escape(definition.Name)} v{definition.Version}\"])");
        var previous = "start";
        var pendingSkip = (string?)null;
        foreach (var stage in definition.Stages)
        {
            var node = Node(stage.Id);
            var steps = string.Join("<br/>", stage.Steps.Select(s => $"{SvgDiagram.Who(s)}: {s.Role}"));
            var rule = $"{stage.Completion}, due {stage.Due}" + (stage.EscalateTo is null ? "" : $", escalates to {stage.EscalateTo}");
            if (stage.RunsWhen is { } when)
            {
                var test = node + "_when";
                text.AppendLine($"    {test}{{\"{Escape(when)}?\"}}");
                Link(text, previous, test, pendingSkip);
                text.AppendLine($"    {test} -->|yes| {node}");
                previous = node;
                text.AppendLine($"    {node}[\"{Escape(stage.Name)}<br/>{Escape(steps)}<br/><i>{Escape(rule)}</i>\"]");
                pendingSkip = test;
                continue;
            }
            text.AppendLine($"    {node}[\"{Escape(stage.Name)}<br/>{Escape(steps)}<br/><i>{Escape(rule)}</i>\"]");
            Link(text, previous, node, pendingSkip);
            pendingSkip = null;
            previous = node;
        }
        text.AppendLine("    approved([\"Approved\"])");
        Link(text, previous, "approved", pendingSkip);
        text.AppendLine($"    changes([\"{Escape(WhenChangesRequested(definition))}\"])");
        text.AppendLine("    rejected([\"Rejected\"])");
        foreach (var stage in definition.Stages)
        {
            text.AppendLine($"    {Node(stage.Id)} -.->|request changes| changes");
            text.AppendLine($"    {Node(stage.Id)} -.->|reject| rejected");
        }
        return text.ToString();
    }

    private static void Link(StringBuilder text, string from, string to, string? skippedFrom)
    {
        text.AppendLine($"    {from} --> {to}");
        if (skippedFrom is not null) text.AppendLine($"    {skippedFrom} -->|no| {to}");
    }

    /// <summary>What a request for changes does under this definition, in words (the diagram's and the dry run's).</summary>
    public static string WhenChangesRequested(WorkflowDefinition definition) => definition.CollectsRequests
        ? "Requests for changes are collected: the stage is decided, then the coordinator gets them all"
        : "A request for changes goes back to the coordinator at once; the stage's other steps stop";

    private static string Node(string id) => "stage_" + id.Replace('-', '_');

    private static string Escape(string text) => text.Replace("\"", "#quot;");
}
