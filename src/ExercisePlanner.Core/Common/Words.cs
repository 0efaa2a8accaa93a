using System.Globalization;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// The words people read on pages, in the command line's text output and in documents: statuses, durations,
/// roles and nations as people say them, never as the code names them ("Changes requested", not ChangesRequested).
/// </summary>
public static class Words
{
    public static string Of(ProposalStatus status) => status switch
    {
        ProposalStatus.ChangesRequested => "Changes requested",
        _ => status.ToString(),
    };

    public static string Of(StepStatus status) => status switch
    {
        StepStatus.Open => "Waiting for a decision",
        StepStatus.ChangesRequested => "Changes requested",
        StepStatus.Cancelled => "No longer needed",
        _ => status.ToString(),
    };

    public static string Of(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => "In review",
        InstanceStatus.ChangesRequested => "Returned for changes",
        _ => status.ToString(),
    };

    /// <summary>What a decider did, as a verb: "approved", "requested changes to", "rejected".</summary>
    public static string Verb(Decision decision) => decision switch
    {
        Decision.Approve => "approved",
        Decision.RequestChanges => "requested changes to",
        _ => "rejected",
    };

    public static string Of(Decision decision) => decision switch
    {
        Decision.Approve => "Approve",
        Decision.RequestChanges => "Request changes",
        _ => "Reject",
    };

    /// <summary><c>national-approver</c> reads "national approver".</summary>
    public static string Role(string role) => role.Replace('-', ' ');

    public static string Of(ParticipantRole role) => role.ToString().ToLowerInvariant();

    public static string Of(ExerciseType type) => type switch
    {
        ExerciseType.CPX => "CPX (command post exercise)",
        ExerciseType.FTX => "FTX (field training exercise)",
        ExerciseType.LIVEX => "LIVEX (live exercise)",
        ExerciseType.TTX => "TTX (table-top exercise)",
        ExerciseType.CAX => "CAX (computer-assisted exercise)",
        _ => "HADR (humanitarian assistance and disaster relief)",
    };

    public static string Of(ConferenceKind kind) => kind switch
    {
        ConferenceKind.CDC => "Concept development conference (CDC)",
        ConferenceKind.IPC => "Initial planning conference (IPC)",
        ConferenceKind.MPC => "Main planning conference (MPC)",
        _ => "Final planning conference (FPC)",
    };

    /// <summary>"Jordan (JOR)".</summary>
    public static string Nation(string code) => Domain.Nation.NameOf(code) is var name && name != code ? $"{name} ({code})" : code;

    /// <summary>"14 days", "12 hours", "1 day 6 hours".</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0) parts.Add(Count(span.Days, "day"));
        if (span.Hours > 0) parts.Add(Count(span.Hours, "hour"));
        if (span.Minutes > 0) parts.Add(Count(span.Minutes, "minute"));
        return parts.Count == 0 ? "no time" : string.Join(" ", parts);
    }

    public static string Count(int n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>A moment with its zone named: times are kept and shown in UTC.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
