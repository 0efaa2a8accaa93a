using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Documents;

namespace ExercisePlanner.Tests.Documents;

/// <summary>Document models made directly, for rendering without a database.</summary>
public static class DocumentModels
{
    public static DocumentModel For(ProposalContent content, string? secondLanguage = null, int approvals = 4) => new(
        content.Code, 2, ProposalStatus.Approved, content, "tur.coordinator",
        new DateTimeOffset(2027, 1, 20, 10, 30, 0, TimeSpan.Zero), secondLanguage,
        content.ContributingNations.Select(n => new Signatory(n, Nation.NameOf(n), $"{n.ToLowerInvariant()}.approver", $"Director of Training, {Nation.NameOf(n)}")).ToList(),
        content.ContributingNations.Take(approvals).Select((n, i) => new StepRecord("National review", n, "national approver", "Approved",
            $"{n.ToLowerInvariant()}.approver", "Brig Gen", new DateTimeOffset(2027, 1, 12 + i, 9, 0, 0, TimeSpan.Zero), $"{Nation.NameOf(n)} concurs.",
            new DateTimeOffset(2027, 1, 25, 9, 0, 0, TimeSpan.Zero))).ToList(),
        new AuditAnchor(42, new string('a', 64)), []);

    /// <summary>A proposal of 40 nations and 200 objectives: many pages, long tables.</summary>
    public static ProposalContent Large() => DemoData.Large(nations: 40, objectives: 200);
}
