using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Web.Pages;

/// <summary>The planner's values as a person reads them on a page: statuses, types and kinds in words, nations by name.</summary>
public static class Words
{
    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.ChangesRequested => "Changes requested",
        _ => status.ToString(),
    };

    public static string Type(ExerciseType type) => type switch
    {
        ExerciseType.CPX => "Command post exercise (CPX)",
        ExerciseType.FTX => "Field training exercise (FTX)",
        ExerciseType.LIVEX => "Live exercise (LIVEX)",
        ExerciseType.TTX => "Tabletop exercise (TTX)",
        ExerciseType.CAX => "Computer-assisted exercise (CAX)",
        _ => "Humanitarian assistance and disaster relief (HADR)",
    };

    public static string Kind(ConferenceKind kind) => kind switch
    {
        ConferenceKind.CDC => "Concept development conference (CDC)",
        ConferenceKind.IPC => "Initial planning conference (IPC)",
        ConferenceKind.MPC => "Main planning conference (MPC)",
        _ => "Final planning conference (FPC)",
    };

    public static string Role(ParticipantRole role) => role switch
    {
        ParticipantRole.Host => "Host",
        ParticipantRole.Lead => "Lead",
        ParticipantRole.Participant => "Participant",
        _ => "Observer",
    };

    public static string Classification(Classification classification) => classification.ToString().ToUpperInvariant();

    /// <summary>"Jordan (JOR)".</summary>
    public static string Nation(string code) => Core.Features.Proposals.ProposalFields.NationInWords(code);

    /// <summary>"6 Sep 2027".</summary>
    public static string Date(DateOnly date) => date == default ? "not set" : date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
