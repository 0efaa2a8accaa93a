using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;

namespace ExercisePlanner.Tests.Documents;

/// <summary>Document models made directly, for rendering without a database.</summary>
public static class DocumentModels
{
    public static DocumentModel For(ProposalContent content, string? secondLanguage = null, int approvals = 4) => new(
        content.Code, 2, ProposalStatus.Approved, content, "tur.coordinator",
        new DateTimeOffset(2027, 1, 20, 10, 30, 0, TimeSpan.Zero), secondLanguage,
        content.ContributingNations.Select(n => new Signatory(n, Nation.NameOf(n), $"{n.ToLowerInvariant()}.approver", $"Director of Training, {Nation.NameOf(n)}")).ToList(),
        content.ContributingNations.Take(approvals).Select((n, i) => new StepRecord("National review", n, "national-approver", "Approved", "Approve",
            $"{n.ToLowerInvariant()}.approver", "Brig Gen", new DateTimeOffset(2027, 1, 12 + i, 9, 0, 0, TimeSpan.Zero), $"{Nation.NameOf(n)} concurs.",
            new DateTimeOffset(2027, 1, 25, 9, 0, 0, TimeSpan.Zero))).ToList(),
        new AuditAnchor(42, new string('a', 64)), []);

    /// <summary>A proposal of 40 nations and 200 objectives: many pages, long tables.</summary>
    public static ProposalContent Large()
    {
        var nations = Nation.All.Select(n => n.Code).Where(c => c is not ("ATA" or "ALA")).Take(40).ToList();
        return new ProposalContent
        {
            Code = "GRAND-COALITION-28",
            Name = "Grand Coalition 2028",
            Type = ExerciseType.CAX,
            StartDate = new DateOnly(2028, 4, 3),
            EndDate = new DateOnly(2028, 4, 21),
            Location = "Combined Simulation Centre",
            Classification = Classification.Confidential,
            ReleasableTo = nations,
            Summary = string.Join(" ", Enumerable.Repeat("Computer-assisted exercise of a combined joint task force headquarters.", 12)),
            Participants = nations.Select((n, i) => new Participant
            {
                Nation = n,
                Roles = [i == 0 ? ParticipantRole.Host : i == 1 ? ParticipantRole.Lead : ParticipantRole.Participant],
            }).ToList(),
            Objectives = Enumerable.Range(1, 200).Select(i => new TrainingObjective
            {
                Code = $"TO-{i}",
                Text = $"Objective {i}: exercise the combined staff in planning and directing operations across the joint functions, phase {i % 7 + 1}.",
            }).ToList(),
            Forces = nations.Select(n => new ForceContribution { Nation = n, Unit = $"{Nation.NameOf(n)} staff element", Personnel = 12 }).ToList(),
            CostShares = nations.Select(n => new CostShare { Nation = n, Percent = 2.5m }).ToList(),
            Conferences = [new() { Kind = ConferenceKind.IPC, Date = new DateOnly(2027, 11, 2), Location = "Brussels" }],
            Contacts = nations.Take(10).Select(n => new PointOfContact { Nation = n, Name = $"Maj {n}", Email = $"poc@{n.ToLowerInvariant()}.example.org" }).ToList(),
        };
    }
}
