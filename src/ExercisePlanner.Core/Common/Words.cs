using System.Globalization;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Workflows.Definitions;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Common;

/// <summary>
/// The words people read on pages, in notifications and mail, in the command line's text output and in documents:
/// statuses, durations, roles, nations and times as people say them, never as the code names them
/// ("Changes requested", not ChangesRequested). The one place each concept gets its wording.
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

    /// <summary>A staff role: <c>national-approver</c> reads "national approver".</summary>
    public static string Role(string role) => role == Domain.User.Admin ? "administrator" : role.Replace('-', ' ');

    /// <summary>A nation's part in an exercise: "host", "lead", "participant", "observer".</summary>
    public static string Of(ParticipantRole role) => role.ToString().ToLowerInvariant();

    public static string Of(ExerciseType type) => type switch
    {
        ExerciseType.CPX => "Command post exercise (CPX)",
        ExerciseType.FTX => "Field training exercise (FTX)",
        ExerciseType.LIVEX => "Live exercise (LIVEX)",
        ExerciseType.TTX => "Tabletop exercise (TTX)",
        ExerciseType.CAX => "Computer-assisted exercise (CAX)",
        _ => "Humanitarian assistance and disaster relief (HADR)",
    };

    public static string Of(ConferenceKind kind) => kind switch
    {
        ConferenceKind.CDC => "Concept development conference (CDC)",
        ConferenceKind.IPC => "Initial planning conference (IPC)",
        ConferenceKind.MPC => "Main planning conference (MPC)",
        _ => "Final planning conference (FPC)",
    };

    /// <summary>The marking as it is printed: "RESTRICTED".</summary>
    public static string Of(Classification classification) => classification.Name();

    /// <summary>A notification's headline: what the reader is told.</summary>
    public static string Of(NotificationKind kind) => kind switch
    {
        NotificationKind.StepOpened => "Your decision is needed",
        NotificationKind.Delegated => "A step was handed to you",
        NotificationKind.Reassigned => "A step was given to you",
        NotificationKind.Reminder => "Reminder",
        NotificationKind.Escalation => "Escalation",
        NotificationKind.ChangesRequested => "Changes requested",
        NotificationKind.Rejected => "Rejected",
        NotificationKind.Approved => "Approved",
        NotificationKind.Withdrawn => "Withdrawn",
        NotificationKind.Comment => "New comment",
        _ => "Documents ready",
    };

    /// <summary>A workflow by its name for people, with the version in words: "Exercise approval, version 2".</summary>
    public static string Workflow(string name, int version) => $"{name}, version {version}";

    /// <summary>"Jordan (JOR)"; a code that names no nation is quoted as it was given: "'XYZ'".</summary>
    public static string Nation(string code) => Domain.Nation.Exists(code) ? $"{Domain.Nation.NameOf(code)} ({code})" : $"'{code}'";

    /// <summary>Workflow diagrams in these words: "national approver", "within 14 days", "only when the classification is above UNCLASSIFIED".</summary>
    public static readonly DiagramWords Diagram = new(Role, span => "within " + Duration(span), StageConditions.RunsWhen, stage => stage switch
    {
        { Steps: [{ Assignees: not Assignees.Each }] } => "must approve",
        { Completion.Kind: CompletionKind.All } => "all must approve",
        { Completion.Kind: CompletionKind.Any } => "one must approve",
        _ => $"{stage.Completion.Quorum} must approve",
    });

    /// <summary>"14 days", "12 hours", "1 day 6 hours".</summary>
    public static string Duration(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.Days > 0) parts.Add(Count(span.Days, "day"));
        if (span.Hours > 0) parts.Add(Count(span.Hours, "hour"));
        if (span.Minutes > 0) parts.Add(Count(span.Minutes, "minute"));
        return parts.Count == 0 ? "no time" : string.Join(" ", parts);
    }

    /// <summary>How many of a stage's steps must approve: "all 4 must approve", "both must approve", "1 must approve", "2 of 4 must approve".</summary>
    public static string Approvals(int needed, int steps) => needed != steps ? $"{needed} of {steps} must approve" : steps switch
    {
        1 => "1 must approve",
        2 => "both must approve",
        _ => $"all {steps} must approve",
    };

    public static string Count(int n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>A moment with its zone named: times are kept and shown in UTC. "11 Jan 2027, 09:00 UTC".</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"6 Sep 2027"; a draft's date not chosen yet reads "not set".</summary>
    public static string Date(DateOnly date) => date == default ? "not set" : date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The UTC day of a moment: "11 Jan 2027".</summary>
    public static string Date(DateTimeOffset at) => Date(DateOnly.FromDateTime(at.UtcDateTime));
}
