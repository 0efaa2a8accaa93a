using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Cli.Commands;

/// <summary>The human-readable report of <c>workflow migrate</c>.</summary>
internal static class MigrationText
{
    public static void Write(TextWriter o, MigrationReport report)
    {
        var what = report.DryRun ? "dry run, nothing changed" : report.Migrated ? "migrated" : "refused, nothing changed";
        o.WriteLine($"{report.Workflow}: version {report.From} -> {report.To} ({what})");
        if (report.Instances.Count == 0) o.WriteLine("  no approvals running on that version");
        foreach (var instance in report.Instances)
        {
            if (instance.Refusal is not null)
            {
                o.WriteLine($"  {instance.Proposal} r{instance.Revision} at {instance.Stage}: refused: {instance.Refusal}");
                continue;
            }
            o.WriteLine($"  {instance.Proposal} r{instance.Revision}: {instance.Stage} -> {instance.ToStage}");
            foreach (var step in instance.Steps)
                o.WriteLine($"    {Word(step.Change),-10} {step.Nation} {step.Role}{(step.StepId is { } id ? $" (step {id})" : "")}");
        }
    }

    private static string Word(StepChange change) => change switch
    {
        StepChange.Carried => "carried",
        StepChange.Kept => "kept",
        StepChange.Cancelled => "cancelled",
        _ => "opened",
    };
}
