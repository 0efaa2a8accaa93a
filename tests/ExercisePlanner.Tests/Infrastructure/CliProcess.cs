using System.Diagnostics;
using ExercisePlanner.Testing;

namespace ExercisePlanner.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the built <c>exercise-planner</c> as a real process against its own database file.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("planner-cli-").FullName;

    /// <summary>
    /// The program in the CLI project's own build output: the test folder holds a copy, but its
    /// dependencies there are resolved for the test host (with ASP.NET Core), not for the program.
    /// </summary>
    private static readonly string Program = BuildOutput.Find("ExercisePlanner.Cli", "exercise-planner.dll");

    public string DatabasePath => Path.Combine(_directory, "cli.db");
    public string WorkingDirectory => _directory;

    /// <summary>Further environment variables for every run (say, <c>Mail__Host</c>).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs a command that must succeed; a failure names the command, its exit code and its error output.</summary>
    public async Task<CliResult> OkAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result;
    }

    /// <summary>
    /// The sample's host (JOR) reviewers and its lead's (TUR) exercise director, which the shipped workflow asks for after national
    /// review, and the contributing nations' chiefs of staff its overdue national review escalates to: a submission is refused
    /// while a step it will need has nobody (three users, to keep the processes few).
    /// </summary>
    public async Task AddReviewersAsync()
    {
        await OkAsync("user", "add", "jor.reviewer", "--nation", "JOR", "--role", "legal-advisor", "--role", "logistics-officer", "--role", "security-officer", "--role", "chief-of-staff");
        await OkAsync("user", "add", "tur.director", "--nation", "TUR", "--role", "exercise-director", "--role", "chief-of-staff");
        await OkAsync("user", "add", "pak.chief", "--nation", "PAK", "--role", "chief-of-staff");
    }

    /// <summary>Everyone the sample's submission needs, in as few processes as possible: one user per nation holding each role the workflow gives it.</summary>
    public async Task AddSampleStaffAsync()
    {
        await OkAsync("user", "add", "pak.approver", "--nation", "PAK", "--role", "national-approver", "--role", "chief-of-staff");
        await OkAsync("user", "add", "tur.staff", "--nation", "TUR", "--role", "national-approver", "--role", "exercise-director", "--role", "chief-of-staff");
        await OkAsync("user", "add", "jor.staff", "--nation", "JOR", "--role", "national-approver",
            "--role", "legal-advisor", "--role", "logistics-officer", "--role", "security-officer", "--role", "chief-of-staff");
    }

    /// <summary>Starts the program without waiting, for a test that kills it midway.</summary>
    public Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["EXERCISEPLANNER_DB"] = DatabasePath;
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
