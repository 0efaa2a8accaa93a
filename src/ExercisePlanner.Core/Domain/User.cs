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

    public bool HasRole(string role) => Roles.Contains(role);

    public void SetMail(string? email, MailPreference preference)
    {
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        MailPreference = preference;
    }

    public void SetCalendarTokenHash(string? hash) => CalendarTokenHash = hash;
}

/// <summary>How a user wants e-mail: one per event, one summary a day, or none (the in-app inbox always has everything).</summary>
public enum MailPreference { EachEvent, DailyDigest, None }
