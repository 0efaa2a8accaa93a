namespace ExercisePlanner.Core.Domain;

/// <summary>A person acting for one nation in one or more roles (the names workflow steps ask for).</summary>
public sealed class User
{
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    private User() { } // for EF Core

    public User(string name, string nation, IEnumerable<string> roles, string title, string displayName = "")
    {
        Name = name;
        Nation = nation;
        Roles = roles.Distinct().Order(StringComparer.Ordinal).ToList();
        Title = title;
        DisplayName = displayName;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Nation { get; private set; } = "";
    public List<string> Roles { get; private set; } = [];
    /// <summary>Appointment, e.g. "Director of Training"; printed under the name in signature blocks.</summary>
    public string Title { get; private set; } = "";
    /// <summary>How people know the user, rank and name, e.g. "Brig Gen Khaled Al-Masri"; empty for accounts that have none.</summary>
    public string DisplayName { get; private set; } = "";

    /// <summary>Where e-mail goes; none means the in-app inbox only.</summary>
    public string? Email { get; private set; }
    public MailPreference MailPreference { get; private set; } = MailPreference.EachEvent;
    /// <summary>SHA-256 of the secret in the user's calendar feed address; null when there is no feed (or it was revoked).</summary>
    public string? CalendarTokenHash { get; private set; }

    /// <summary>
    /// When an administrator deactivated the user; null while active. A deactivated user signs in nowhere, acts on
    /// nothing and staffs no step, but stays on record so past decisions keep their name (the context filters them out of queries).
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>Also revokes the calendar feed address: the only credential that does not pass through sign-in.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        DeactivatedAt = now;
        CalendarTokenHash = null;
    }

    /// <summary>Roles stay distinct and ordered, as the constructor keeps them.</summary>
    public void AddRole(string role) => Roles = Roles.Append(role).Distinct().Order(StringComparer.Ordinal).ToList();

    public void RemoveRole(string role) => Roles = Roles.Where(r => r != role).ToList();

    public void SetMail(string? email, MailPreference preference)
    {
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        MailPreference = preference;
    }

    public void SetCalendarTokenHash(string? hash) => CalendarTokenHash = hash;
}

/// <summary>How a user wants e-mail: one per event, one summary a day, or none (the in-app inbox always has everything).</summary>
public enum MailPreference { EachEvent, DailyDigest, None }
