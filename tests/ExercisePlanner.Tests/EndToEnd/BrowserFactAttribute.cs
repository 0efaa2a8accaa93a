namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>
/// A test that drives Debian's Chromium. Without /usr/bin/chromium it is skipped on a developer's
/// machine, and fails in CI (CI=true), where .ci/run installs it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") is null)
            Skip = $"needs Debian's chromium at {Chromium} (apt-get install chromium)";
    }
}
