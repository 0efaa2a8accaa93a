using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;

namespace ExercisePlanner.Cli.Commands;

/// <summary>The human-readable form of <c>proposal show</c>.</summary>
internal static class ProposalText
{
    public static void Write(TextWriter o, ProposalDetails d)
    {
        o.WriteLine($"{d.Code}  {d.Name}");
        o.WriteLine($"  {d.Type}, {d.StartDate:yyyy-MM-dd} to {d.EndDate:yyyy-MM-dd}, {d.Location}");
        o.WriteLine($"  status {d.Status}, revision {d.Revision}, coordinator {d.Coordinator}");
        if (d.IsAmending) o.WriteLine($"  amendment {d.Amendment} is open; revision {d.InForceRevision} stays in force until it is approved");
        else if (d.Amendment > 0) o.WriteLine($"  in force: revision {d.InForceRevision}, amendment {d.Amendment}");
        o.WriteLine($"  classification {Markings.Banner(d.Classification, d.ReleasableTo)}");
        o.WriteLine("  participants:");
        foreach (var p in d.Participants)
            o.WriteLine($"    {p.Nation} {p.NationName,-28} {string.Join(", ", p.Roles).ToLowerInvariant()}");
        if (d.Revisions.Count > 0)
        {
            o.WriteLine("  revisions:");
            foreach (var r in d.Revisions) o.WriteLine($"    r{r.Number} submitted {r.SubmittedAt:yyyy-MM-dd HH:mm}Z by {r.SubmittedBy}");
        }
        if (d.Workflow is { } workflow)
        {
            o.WriteLine($"  workflow {workflow.Id} v{workflow.Version} (revision {workflow.Revision}): {workflow.Status}" +
                        (workflow.CurrentStage is null ? "" : $", at {workflow.CurrentStage}"));
            foreach (var s in d.Steps)
                o.WriteLine($"    step {s.Id,-4} {s.Stage,-20} {s.Nation} {s.Role,-18} {s.Status,-16} {(s.DecidedBy is null ? $"due {s.Due:yyyy-MM-dd}" : $"{s.DecidedBy}: {s.Comment}")}");
        }
        if (d.Documents.Count > 0)
        {
            o.WriteLine("  documents:");
            foreach (var doc in d.Documents) o.WriteLine($"    {doc.FileName} v{doc.Version} sha256 {doc.Sha256}");
        }
        o.WriteLine("  history:");
        foreach (var h in d.History)
            o.WriteLine($"    {h.At:yyyy-MM-dd HH:mm:ss}Z  {h.Actor,-18} {h.Action,-18} {h.Change,-9} {h.Record}");
    }
}
