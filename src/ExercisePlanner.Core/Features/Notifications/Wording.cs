using System.Globalization;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>People, nations, roles and dates as notifications say them.</summary>
public static class Wording
{
    public static string NationWithCode(string code) => $"{Nation.NameOf(code)} ({code})";

    /// <summary><c>national-approver</c> → <c>national approver</c>.</summary>
    public static string Role(string role) => role.Replace('-', ' ');

    /// <summary>The user's display name and title ("Brig Gen Khaled Al-Masri, Director of Training"), else their user name.</summary>
    public static string Person(User user) => Users.PersonView.From(user).WithTitle;

    public static string When(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Kind(NotificationKind kind) => kind switch
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
}
