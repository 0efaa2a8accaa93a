using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents.Layout;

namespace ExercisePlanner.Documents.Composers;

/// <summary>The approval record: every stage and step with its decision, approver, time and comment, fixed to the audit chain and the documents it covers.</summary>
internal static class ApprovalRecord
{
    public const string Title = "Approval Record";

    public static PdfComposer Compose(DocumentModel model)
    {
        Chrome.RequireBasics("approval record", model);
        Chrome.Require("approval record", ("approvals", model.Approvals.Count > 0));
        var c = model.Content;
        var document = Chrome.Compose(model, Title);
        document.Add(
            new Paragraph(Title, TextStyle.Title) { SpaceAfter = 6 },
            new Paragraph { SpaceAfter = 12 }
                .Add(c.Name, TextStyle.Subheading)
                .Add($" ({c.Code}), revision {model.Revision}: ", TextStyle.Body with { Size = 11 })
                .Add(Words.Of(model.Status), TextStyle.Subheading));

        if (model.Chain.Count > 1)
        {
            document.Add(Chrome.Heading("Approvals in force, original and amendments"));
            var chain = new Table(2, 1.2f, 2.4f, 5).Header("Approved", "Revision", "Time (UTC)", "Changed");
            foreach (var link in model.Chain)
                chain.Row(link.Amendment == 0 ? "Original" : $"Amendment {link.Amendment}", link.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Chrome.Date(link.ApprovedAt), link.Amendment == 0 ? "" : string.Join(", ", link.Changed.Select(Core.Features.Proposals.ProposalChanges.InWords)));
            document.Add(chain);
        }

        foreach (var stage in model.Approvals.GroupBy(s => s.StageName))
        {
            document.Add(Chrome.Heading(stage.Key));
            document.Add(Decisions(stage, "Role", s => s.Role));
        }

        // The requests for changes that led to this revision stay on record, round by round.
        foreach (var round in model.EarlierRounds)
        {
            document.Add(Chrome.Heading($"Revision {round.Revision}: {round.Outcome}"));
            document.Add(Decisions(round.Decisions, "Stage", s => $"{s.StageName}\n{s.Role}"));
        }

        document.Add(Chrome.Heading("Integrity"));
        var integrity = new Table(2, 5).Header("Item", "SHA-256");
        if (model.Audit is { } anchor) integrity.Row($"Audit chain, entry {anchor.Sequence}", anchor.Hash);
        foreach (var covered in model.Covers) integrity.Row(covered.Title, covered.Sha256);
        document.Add(integrity, new Paragraph(
            "The audit entry fixes this record to the tamper-evident audit trail (check with `exercise-planner audit verify`). " +
            "The hashes identify the exact exercise plan and memorandum this approval covers.", TextStyle.Small));
        return document;
    }

    private static Table Decisions(IEnumerable<StepRecord> steps, string what, Func<StepRecord, string> describe)
    {
        var table = new Table(1.5f, 3.2f, 2, 3, 2.4f, 3.6f).Header("Nation", what, "Decision", "Approver", "Time (UTC)", "Comment");
        foreach (var step in steps)
            table.Row(step.Nation, describe(step), step.Status, // what happened: "Approved", "Changes requested"
                step.DecidedBy is null ? "" : step.DeciderTitle is { Length: > 0 } title ? $"{step.DecidedBy}\n{title}" : step.DecidedBy,
                Chrome.Date(step.DecidedAt), step.Comment ?? "");
        return table;
    }
}
