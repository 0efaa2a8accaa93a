using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;

namespace ExercisePlanner.Cli.Commands;

/// <summary>The human-readable forms of <c>proposal show</c> and <c>proposal diff</c>.</summary>
internal static class ProposalText
{
    public static void Write(TextWriter o, ProposalDetails d)
    {
        o.WriteLine($"{d.Code}  {d.Name}");
        o.WriteLine($"  {Words.Of(d.Type)}, {Words.Date(d.StartDate)} to {Words.Date(d.EndDate)}, {d.Location}");
        o.WriteLine($"  {Words.Of(d.Status)}, revision {d.Revision}, coordinator {d.Person(d.Coordinator).Label}");
        if (d.IsAmending) o.WriteLine($"  amendment {d.Amendment} is open; revision {d.InForceRevision} stays in force until it is approved");
        else if (d.Amendment > 0) o.WriteLine($"  in force: revision {d.InForceRevision}, amendment {d.Amendment}");
        o.WriteLine($"  classification {Markings.Banner(d.Classification, d.ReleasableTo)}");
        o.WriteLine("  participants:");
        foreach (var p in d.Participants)
            o.WriteLine($"    {p.Nation} {p.NationName,-28} {string.Join(", ", p.Roles.Select(Words.Of))}");
        if (d.Revisions.Count > 0)
        {
            o.WriteLine("  revisions:");
            foreach (var r in d.Revisions) o.WriteLine($"    revision {r.Number} submitted {Words.Time(r.SubmittedAt)} by {d.Person(r.SubmittedBy).Label}");
        }
        foreach (var round in d.Rounds)
        {
            o.WriteLine($"  revision {round.Revision}: {Words.Workflow(round.WorkflowName, round.WorkflowVersion)}, {Words.Of(round.Status).ToLowerInvariant()}");
            foreach (var s in round.Steps)
                o.WriteLine($"    step {s.Id,-4} {s.StageName,-28} {s.Nation} {Words.Role(s.Role),-18} {Words.Of(s.Status),-22} " +
                            (s.DecidedBy is null ? $"due {Words.Time(s.Due)}" : $"{d.Person(s.DecidedBy).Label}: {s.Comment}"));
        }
        if (d.Comments.Count > 0)
        {
            o.WriteLine("  discussion:");
            foreach (var c in d.Comments) o.WriteLine($"    revision {c.Revision}, {Words.Time(c.At)}, {d.Person(c.Author).Label}: {c.Text}");
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

    public static void Write(TextWriter o, RevisionComparison c)
    {
        o.WriteLine($"{c.Proposal}: revision {c.From} -> revision {c.To}");
        if (c.Fields.Count == 0 && c.Lists.Count == 0) o.WriteLine("  nothing changed");
        foreach (var f in c.Fields) o.WriteLine($"  {f.Label}: {Value(f.Before)} -> {Value(f.After)}");
        foreach (var list in c.Lists)
        {
            o.WriteLine($"  {list.Label}:");
            foreach (var row in list.Rows)
            {
                var fields = row.Kind switch
                {
                    RowChangeKind.Changed => row.Fields.Select(f => $"{f.Label} {Value(f.Before)} -> {Value(f.After)}"),
                    RowChangeKind.Added => row.Fields.Select(f => $"{f.Label} {Value(f.After)}"),
                    _ => row.Fields.Select(f => $"{f.Label} {Value(f.Before)}"),
                };
                var detail = string.Join("; ", fields);
                o.WriteLine($"    {row.Kind.ToString().ToLowerInvariant(),-8} {row.Row}{(detail.Length == 0 ? "" : ": " + detail)}");
            }
        }
    }

    // Quoted only when a value has spaces or commas, so "Amman, Jordan" reads as one value and 350 -> 380 stays plain.
    private static string Value(string? value) =>
        value is null ? "(none)" : value.IndexOfAny([' ', ',']) >= 0 || value.Length == 0 ? $"\"{value}\"" : value;
}
