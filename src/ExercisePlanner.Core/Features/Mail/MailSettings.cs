using System.Globalization;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>How the SMTP connection is secured (MailKit's options by the names administrators know).</summary>
public enum MailSecurity { Auto, None, StartTls, SslOnConnect }

/// <summary>
/// Mail configuration (section <c>Mail</c>; environment variables <c>Mail__Host</c> and so on). Without a host,
/// mail is written as .eml files to <see cref="PickupFolder"/> instead of being sent.
/// </summary>
public sealed record MailSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public MailSecurity Security { get; init; } = MailSecurity.Auto;
    public string? UserName { get; init; }
    public string? Password { get; init; }
    public string From { get; init; } = "ExercisePlanner <exerciseplanner@localhost>";
    public string PickupFolder { get; init; } = "mail-pickup";
    /// <summary>The address of the web application, for links in mail and the calendar.</summary>
    public string BaseUrl { get; init; } = "http://localhost:5080";
    /// <summary>Off: bodies carry only code, name, stage and link (mail often travels on a lower network).</summary>
    public bool DetailedBodies { get; init; }
    /// <summary>Attach planning conferences as an iCalendar invitation to mail about a proposal that has them.</summary>
    public bool AttachInvitations { get; init; } = true;
    public int MaxAttempts { get; init; } = 8;
    /// <summary>Wait after the first failure; doubled after each further one, up to an hour.</summary>
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);
    public int BatchSize { get; init; } = 50;
    /// <summary>Daily digests go out at this hour (UTC) with what came in since the last one.</summary>
    public int DigestHour { get; init; } = 6;

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(Host);

    public static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    public TimeSpan RetryAfter(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks * (1L << Math.Min(attempts - 1, 20))));

    /// <summary>Reads the settings by key (<c>Host</c>, <c>Port</c>, …) from configuration or the environment.</summary>
    public static MailSettings Read(Func<string, string?> get)
    {
        var defaults = new MailSettings();
        int Int(string key, int fallback) => int.TryParse(get(key), CultureInfo.InvariantCulture, out var v) ? v : fallback;
        bool Bool(string key, bool fallback) => bool.TryParse(get(key), out var v) ? v : fallback;
        TimeSpan Seconds(string key, TimeSpan fallback) =>
            double.TryParse(get(key), CultureInfo.InvariantCulture, out var v) ? TimeSpan.FromSeconds(v) : fallback;
        return new MailSettings
        {
            Host = get("Host") is { Length: > 0 } host ? host : null,
            Port = Int("Port", defaults.Port),
            Security = Enum.TryParse<MailSecurity>(get("Security"), ignoreCase: true, out var security) ? security : defaults.Security,
            UserName = get("UserName"),
            Password = get("Password"),
            From = get("From") ?? defaults.From,
            PickupFolder = get("PickupFolder") ?? defaults.PickupFolder,
            BaseUrl = (get("BaseUrl") ?? defaults.BaseUrl).TrimEnd('/'),
            DetailedBodies = Bool("DetailedBodies", defaults.DetailedBodies),
            AttachInvitations = Bool("AttachInvitations", defaults.AttachInvitations),
            MaxAttempts = Int("MaxAttempts", defaults.MaxAttempts),
            FirstRetry = Seconds("FirstRetrySeconds", defaults.FirstRetry),
            Lease = Seconds("LeaseSeconds", defaults.Lease),
            BatchSize = Int("BatchSize", defaults.BatchSize),
            DigestHour = Int("DigestHour", defaults.DigestHour),
        };
    }

    /// <summary>The CLI's settings: environment variables <c>Mail__Host</c>, <c>Mail__Port</c>, …</summary>
    public static MailSettings FromEnvironment() => Read(key => Environment.GetEnvironmentVariable("Mail__" + key));
}
