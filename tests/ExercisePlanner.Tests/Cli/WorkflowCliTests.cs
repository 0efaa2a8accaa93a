using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Cli;

/// <summary>Steps, workflows and timers from the command line, run as a real process.</summary>
public sealed class WorkflowCliTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result;
    }

    private async Task SubmitSampleAsync()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        await Ok("user", "add", "jor.approver", "--nation", "JOR", "--role", "national-approver");
        await Ok("user", "add", "pak.approver", "--nation", "PAK", "--role", "national-approver");
        await Ok("user", "add", "tur.approver", "--nation", "TUR", "--role", "national-approver");
        await _cli.AddReviewersAsync();
        var file = _cli.WriteFile("proposal.json", Samples.ProposalJsonStartingSoon());
        await Ok("proposal", "import", file, "--as", "tur.coordinator");
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
    }

    [Fact]
    public async Task Steps_are_listed_decided_once_and_refused_to_others()
    {
        await SubmitSampleAsync();
        var inbox = JsonDocument.Parse((await Ok("step", "list", "--as", "jor.approver", "--json")).Output).RootElement;
        var step = Assert.Single(inbox.EnumerateArray());
        Assert.Equal(["id", "proposal", "stage", "nation", "role", "due"], step.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("NORTHERN-BRIDGE-27", "national-review", "JOR"),
            (step.GetProperty("proposal").GetString(), step.GetProperty("stage").GetString(), step.GetProperty("nation").GetString()));
        var id = step.GetProperty("id").GetInt32().ToString();

        var noComment = await _cli.RunAsync("step", "decide", id, "approve", "--as", "jor.approver");
        Assert.Equal(2, noComment.ExitCode);
        var wrongNation = await _cli.RunAsync("step", "decide", id, "approve", "--comment", "ok", "--as", "pak.approver");
        Assert.Equal(2, wrongNation.ExitCode);
        Assert.Contains("is for JOR", wrongNation.Error);
        var self = await _cli.RunAsync("step", "decide", id, "approve", "--comment", "ok", "--as", "tur.coordinator");
        Assert.Equal(2, self.ExitCode);
        var badDecision = await _cli.RunAsync("step", "decide", id, "maybe", "--comment", "ok", "--as", "jor.approver");
        Assert.Equal(2, badDecision.ExitCode);

        var decided = await Ok("step", "decide", id, "approve", "--comment", "Jordan concurs.", "--as", "jor.approver");
        Assert.Equal($"step {id}, National review for Jordan (JOR): Approved; proposal NORTHERN-BRIDGE-27 is Submitted", decided.Output.Trim());
        var again = await _cli.RunAsync("step", "decide", id, "reject", "--comment", "second thoughts", "--as", "jor.approver");
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("already approved", again.Error);

        var shown = JsonDocument.Parse((await Ok("proposal", "show", "NORTHERN-BRIDGE-27", "--json")).Output).RootElement;
        var stored = shown.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("id").GetInt32().ToString() == id);
        Assert.Equal(("Approved", "Approve", "Jordan concurs.", "jor.approver"), (stored.GetProperty("status").GetString(),
            stored.GetProperty("decision").GetString(), stored.GetProperty("comment").GetString(), stored.GetProperty("decidedBy").GetString()));
        Assert.Contains("no open steps", (await Ok("step", "list", "--as", "jor.approver")).Output);

        // The last national approval opens the next stage: its steps in words, as people say them.
        await Ok("step", "decide", StepOf(await Ok("step", "list", "--as", "pak.approver", "--json")), "approve", "--comment", "ok", "--as", "pak.approver");
        var last = await Ok("step", "decide", StepOf(await Ok("step", "list", "--as", "tur.approver", "--json")), "approve", "--comment", "ok", "--as", "tur.approver");
        Assert.Matches(@"\n  opened step [0-9]+, Host-nation legal and logistics review for Jordan \(JOR\), legal advisor: due [0-9]+ [A-Z][a-z]{2} [0-9]{4}, [0-9]{2}:[0-9]{2} UTC", last.Output);
        Assert.DoesNotContain("host-nation-review", last.Output);
    }

    private static string StepOf(CliResult list) => JsonDocument.Parse(list.Output).RootElement[0].GetProperty("id").GetInt32().ToString();

    [Fact]
    public async Task Plan_diagram_and_timers_from_the_command_line()
    {
        await SubmitSampleAsync();

        var plan = (await Ok("workflow", "plan", "NORTHERN-BRIDGE-27")).Output;
        // In words, as the pages say it: the workflow by name, durations, nations, roles and dates; no ids, ISO durations or role keys.
        Assert.StartsWith("NORTHERN-BRIDGE-27: Exercise approval, version 2, planned from ", plan);
        Assert.Contains("  National review: all 3 must approve within 14 days, by " + Day(14), plan);
        Assert.Contains("    Jordan (JOR), national approver", plan);
        Assert.Contains("  Host-nation legal and logistics review: both must approve within 10 days, by " + Day(14 + 10), plan);
        Assert.Contains("  Security and releasability review (only when the classification is above UNCLASSIFIED): 1 must approve within 7 days", plan);
        Assert.Contains("on request for changes: Requests for changes are collected", plan);
        Assert.Contains("earliest full approval: " + Day(14 + 10 + 7 + 7), plan);
        foreach (var code in new[] { "exercise-approval", "v2", "P14D", "P7D", "national-approver", "legal-advisor", "(collect)", " > ", DateTime.UtcNow.ToString("yyyy-MM-dd") })
            Assert.DoesNotContain(code, plan);
        var json = JsonDocument.Parse((await Ok("workflow", "plan", "NORTHERN-BRIDGE-27", "--json")).Output).RootElement; // JSON keeps the definition's terms
        Assert.Equal(("exercise-approval", 2, "P14D", "all"), (json.GetProperty("workflow").GetString(), json.GetProperty("version").GetInt32(),
            json.GetProperty("stages")[0].GetProperty("due").GetString(), json.GetProperty("stages")[0].GetProperty("completion").GetString()));
        Assert.Equal("national-approver", json.GetProperty("stages")[0].GetProperty("steps")[0].GetProperty("role").GetString());

        Assert.StartsWith("flowchart TD", (await Ok("workflow", "diagram", "exercise-approval")).Output);
        Assert.Equal(2, (await _cli.RunAsync("workflow", "diagram", "no-such-workflow")).ExitCode);

        var now = DateTime.UtcNow.AddDays(15).ToString("yyyy-MM-ddTHH:mm:ssZ");
        var run = JsonDocument.Parse((await Ok("timers", "run", "--now", now, "--json")).Output).RootElement;
        Assert.Equal((3, 3), (run.GetProperty("reminders").GetInt32(), run.GetProperty("escalations").GetInt32()));
        var rerun = JsonDocument.Parse((await Ok("timers", "run", "--now", now, "--json")).Output).RootElement;
        Assert.Equal((0, 0), (rerun.GetProperty("reminders").GetInt32(), rerun.GetProperty("escalations").GetInt32()));
        Assert.Contains("National review for Jordan (JOR), national approver: due ", (await Ok("step", "list", "--as", "jor.approver")).Output);
        Assert.EndsWith("; overdue, escalated to the chief of staff", (await Ok("step", "list", "--as", "jor.approver")).Output.TrimEnd());
        Assert.Equal(2, (await _cli.RunAsync("timers", "run", "--now", "yesterday")).ExitCode);
    }

    /// <summary>The UTC day so many days from now, as the CLI's text says it: "25 Jan 2027".</summary>
    private static string Day(int days) => DateTime.UtcNow.AddDays(days).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Validate_prints_each_problem_with_file_and_path()
    {
        var shipped = await Ok("workflow", "validate", Path.Combine(AppContext.BaseDirectory, "workflows", "exercise-approval.json"));
        Assert.Equal("exercise-approval.json: valid", shipped.Output.Trim());

        var broken = _cli.WriteFile("broken.json", """{ "id": "Broken", "version": 1, "name": "x", "stages": [] }""");
        var result = await _cli.RunAsync("workflow", "validate", broken);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("broken.json: $.id: "));
        Assert.Contains(lines, l => l.StartsWith("broken.json: $.stages: "));
    }

    [Fact]
    public async Task The_program_refuses_to_start_with_an_invalid_definition_folder()
    {
        var folder = Path.Combine(_cli.WorkingDirectory, "bad-workflows");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "wrong.json"), """{ "id": "wrong", "version": 1, "name": "x", "stages": [], "colour": "red" }""");

        var result = await _cli.RunAsync("proposal", "list", "--workflows", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("wrong.json: $.colour: property is not allowed here", result.Error);
        Assert.Contains("wrong.json: $.stages: ", result.Error);
    }

    [Fact]
    public async Task Publish_then_migrate_with_a_dry_run_a_refusal_and_a_stage_map()
    {
        await SubmitSampleAsync();
        await Ok("user", "add", "admin", "--nation", "TUR", "--role", "admin");
        string shipped = $"{Definitions.ShippedVersion}", next = $"{Definitions.ShippedVersion + 1}";
        var version2 = _cli.WriteFile("sign-off-only.json", Definitions.SignOffOnly());
        Assert.Equal(2, (await _cli.RunAsync("workflow", "publish", version2, "--as", "tur.coordinator")).ExitCode);
        var published = await Ok("workflow", "publish", version2, "--as", "admin");
        Assert.Equal($"published exercise-approval version {next}: new submissions take it", published.Output.Trim());
        var again = await _cli.RunAsync("workflow", "publish", version2, "--as", "admin");
        Assert.Equal((3, $"error: conflict: version {next} of 'exercise-approval' is published and cannot change; save the change as version {Definitions.ShippedVersion + 2}"), (again.ExitCode, again.Error.Trim()));

        var dryRun = await _cli.RunAsync("workflow", "migrate", "exercise-approval", "--from", shipped, "--to", next, "--dry-run", "--as", "admin");
        Assert.Equal(2, dryRun.ExitCode);
        Assert.Contains($"NORTHERN-BRIDGE-27 r1 at national-review: refused: stage 'national-review' is not in version {next}", dryRun.Output);
        Assert.Equal($"error: 1 approval(s) cannot be mapped to version {next} without --map OLD=NEW (NORTHERN-BRIDGE-27); nothing was migrated", dryRun.Error.Trim());

        var planned = await Ok("workflow", "migrate", "exercise-approval", "--from", shipped, "--to", next, "--instances", "NORTHERN-BRIDGE-27",
            "--map", "national-review=final-sign-off", "--dry-run", "--as", "admin");
        Assert.Contains($"exercise-approval: version {shipped} -> {next} (dry run, nothing changed)", planned.Output);
        Assert.Contains("cancelled  JOR national-approver", planned.Output);
        Assert.Contains("opened     TUR exercise-director", planned.Output);
        Assert.Contains("national-review", (await Ok("proposal", "show", "NORTHERN-BRIDGE-27")).Output);

        var migrated = JsonDocument.Parse((await Ok("workflow", "migrate", "exercise-approval", "--from", shipped, "--to", next,
            "--map", "national-review=final-sign-off", "--as", "admin", "--json")).Output).RootElement;
        Assert.True(migrated.GetProperty("migrated").GetBoolean());
        var shown = JsonDocument.Parse((await Ok("proposal", "show", "NORTHERN-BRIDGE-27", "--json")).Output).RootElement;
        Assert.Equal("final-sign-off", shown.GetProperty("workflow").GetProperty("currentStage").GetString());
        Assert.Equal(2, (await _cli.RunAsync("workflow", "migrate", "exercise-approval", "--from", shipped, "--to", next, "--map", "nonsense", "--as", "admin")).ExitCode);
    }
}
