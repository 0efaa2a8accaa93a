using System.Text.Json;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Cli;

/// <summary>The command line of the contract, run as a real process.</summary>
public sealed class CliTests : IDisposable
{
    private readonly CliProcess _cli = new();
    private readonly string _proposalFile;

    public CliTests() => _proposalFile = _cli.WriteFile("northern-bridge.json", Samples.ProposalJsonStartingSoon());

    public void Dispose() => _cli.Dispose();

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result;
    }

    [Fact]
    public async Task Audit_anchor_prints_the_head_and_verify_with_it_names_entries_removed_after_it()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        await Ok("proposal", "import", _proposalFile, "--as", "tur.coordinator");
        var printed = (await Ok("audit", "anchor")).Output;
        var anchor = _cli.WriteFile("anchor.txt", printed);
        var head = AuditAnchor.Parse(printed, "printed");
        Assert.Equal(head.Hash, JsonDocument.Parse((await Ok("audit", "anchor", "--json")).Output).RootElement.GetProperty("hash").GetString());

        await Ok("user", "add", "jor.approver", "--nation", "JOR", "--role", "national-approver");
        Assert.Contains($"holds the anchor's entry {head.Sequence}", (await Ok("audit", "verify", "--anchor", anchor)).Output);

        // Removing the newest entries leaves an unbroken chain: only the anchor, kept outside, shows what went.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_cli.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"""DELETE FROM "AuditEntries" WHERE "Sequence" >= {head.Sequence}""";
            await delete.ExecuteNonQueryAsync();
        }
        var unanchored = await _cli.RunAsync("audit", "verify");
        Assert.Equal(1, unanchored.ExitCode);
        Assert.DoesNotContain("audit trail broken", unanchored.Output); // the chain alone cannot tell; the tables can
        Assert.Contains("the tables differ from the audit trail", unanchored.Output);
        var broken = await _cli.RunAsync("audit", "verify", "--anchor", anchor);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains($"audit trail broken at entry {head.Sequence}: the trail ends at entry {head.Sequence - 1}, but the anchor holds entry {head.Sequence}: the newest entries were removed", broken.Output);

        var notAnAnchor = await _cli.RunAsync("audit", "verify", "--anchor", _proposalFile);
        Assert.Equal((2, $"error: {_proposalFile}: not an audit anchor: it has no 'entry=' line"), (notAnAnchor.ExitCode, notAnAnchor.Error.Trim()));
    }

    [Fact]
    public async Task Import_submit_show_with_users_from_the_command_line()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator", "--title", "Lt Col Aydin");
        await Ok("user", "add", "jor.approver", "--nation", "JOR", "--role", "national-approver", "--role", "legal-advisor");

        await _cli.AddSampleStaffAsync();
        var imported = await Ok("proposal", "import", _proposalFile, "--as", "tur.coordinator");
        Assert.Contains("created draft NORTHERN-BRIDGE-27", imported.Output);
        var submitted = await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator", "--json");
        Assert.Equal("Submitted", JsonDocument.Parse(submitted.Output).RootElement.GetProperty("status").GetString());

        var shown = JsonDocument.Parse((await Ok("proposal", "show", "NORTHERN-BRIDGE-27", "--json")).Output).RootElement;
        Assert.Equal("NORTHERN-BRIDGE-27", shown.GetProperty("code").GetString());
        Assert.Equal("CPX", shown.GetProperty("type").GetString());
        Assert.Equal("Submitted", shown.GetProperty("status").GetString());
        Assert.Equal(1, shown.GetProperty("revision").GetInt32());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200).ToString("yyyy-MM-dd"), shown.GetProperty("startDate").GetString());
        Assert.Equal(4, shown.GetProperty("participants").GetArrayLength());
        Assert.True(shown.GetProperty("history").GetArrayLength() >= 2);

        var list = JsonDocument.Parse((await Ok("proposal", "list", "--json")).Output).RootElement;
        var row = Assert.Single(list.EnumerateArray());
        Assert.Equal(["code", "name", "type", "status", "revision", "startDate", "endDate", "inForceRevision", "amendment"], row.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^NORTHERN-BRIDGE-27 +Submitted +revision 1 +[0-9]+ [A-Z][a-z]{2} [0-9]{4} to [0-9]+ [A-Z][a-z]{2} [0-9]{4}  Northern Bridge 2027 · Command post exercise \\(CPX\\)$",
            (await Ok("proposal", "list")).Output.TrimEnd());

        Assert.Contains("audit trail intact", (await Ok("audit", "verify")).Output);
        Assert.True(File.Exists(_cli.DatabasePath));
    }

    [Fact]
    public async Task Withdraw_with_a_reason_then_reopen_and_resubmit_as_the_next_revision()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        await _cli.AddSampleStaffAsync();
        await Ok("proposal", "import", _proposalFile, "--as", "tur.coordinator");
        Assert.Equal(3, (await _cli.RunAsync("proposal", "reopen", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator")).ExitCode); // a draft already
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
        await Ok("proposal", "withdraw", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator", "--reason", "Host nation postponed the exercise.");

        var reopened = await Ok("proposal", "reopen", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
        Assert.Equal("reopened NORTHERN-BRIDGE-27 as a draft; submitting it makes revision 2", reopened.Output.TrimEnd());
        var resubmitted = JsonDocument.Parse((await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator", "--json")).Output).RootElement;
        Assert.Equal(2, resubmitted.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task Bad_input_is_one_line_on_stderr_with_exit_2_and_changes_nothing()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        var malformed = _cli.WriteFile("broken.json", File.ReadAllText(Samples.ProposalFile).Replace("\"personnel\": 40", "\"personnel\": \"forty\""));

        var result = await _cli.RunAsync("proposal", "import", malformed, "--as", "tur.coordinator");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: broken.json: forces[0].personnel (line 18): expected a whole number", result.Error.TrimEnd());
        Assert.Equal("", result.Output);
        Assert.Contains("no proposals", (await Ok("proposal", "list")).Output);
    }

    [Theory]
    [InlineData(2, "user", "add", "x", "--nation", "XYZ", "--role", "coordinator")]
    [InlineData(2, "proposal", "submit", "NO-SUCH-CODE", "--as", "tur.coordinator")]
    [InlineData(2, "proposal", "import", "missing.json", "--as", "tur.coordinator")]
    [InlineData(2, "proposal", "import", "--as", "tur.coordinator")]
    [InlineData(2, "proposal", "frobnicate")]
    [InlineData(3, "user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator")]
    public async Task Exit_codes_follow_the_contract(int expected, params string[] args)
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        var result = await _cli.RunAsync(args);
        Assert.Equal(expected, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
    }

    [Fact]
    public async Task Documents_are_written_on_demand_and_a_refused_one_leaves_no_file()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        await Ok("proposal", "import", _proposalFile, "--as", "tur.coordinator");
        var plan = Path.Combine(_cli.WorkingDirectory, "docs", "plan.pdf");

        var written = await Ok("document", "plan", "NORTHERN-BRIDGE-27", "-o", plan);
        Assert.Contains("wrote ", written.Output);
        Assert.Contains("Northern Bridge 2027", Pdf.PageTexts(File.ReadAllBytes(plan))[0]);
        await Ok("document", "mou", "NORTHERN-BRIDGE-27", "-o", Path.Combine(_cli.WorkingDirectory, "mou.pdf"), "--lang", "fr");

        var record = Path.Combine(_cli.WorkingDirectory, "record.pdf");
        var refused = await _cli.RunAsync("document", "record", "NORTHERN-BRIDGE-27", "-o", record);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("approvals: is missing", refused.Error);
        Assert.False(File.Exists(record));
        Assert.Equal(2, (await _cli.RunAsync("document", "mou", "NORTHERN-BRIDGE-27", "-o", record, "--lang", "xx")).ExitCode);
        Assert.Empty(Directory.GetFiles(_cli.WorkingDirectory, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Documents_of_a_submitted_revision_are_written_by_its_number()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        await _cli.AddSampleStaffAsync();
        await Ok("proposal", "import", _proposalFile, "--as", "tur.coordinator");
        var plan = Path.Combine(_cli.WorkingDirectory, "plan-r1.pdf");

        var draft = await _cli.RunAsync("document", "plan", "NORTHERN-BRIDGE-27", "-o", plan, "--revision", "1");
        Assert.Equal(2, draft.ExitCode); // nothing submitted yet: not found is bad input on the command line
        Assert.Contains("has no submitted revision 1", draft.Error);
        Assert.False(File.Exists(plan));
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
        await Ok("document", "plan", "NORTHERN-BRIDGE-27", "-o", plan, "--revision", "1");
        Assert.Contains("Revision 1 · Submitted", Pdf.PageTexts(File.ReadAllBytes(plan))[0]);
        var zero = await _cli.RunAsync("document", "plan", "NORTHERN-BRIDGE-27", "-o", plan, "--revision", "0");
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--revision", zero.Error);
    }

    [Fact]
    public async Task A_second_submit_is_a_conflict()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        await _cli.AddSampleStaffAsync();
        await Ok("proposal", "import", _proposalFile, "--as", "tur.coordinator");
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");

        var again = await _cli.RunAsync("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");

        Assert.Equal(3, again.ExitCode);
        Assert.Contains("conflict: proposal NORTHERN-BRIDGE-27 is Submitted", again.Error);
    }

    [Fact]
    public async Task Demo_seeds_and_runs_on_a_fresh_database()
    {
        var output = Path.Combine(_cli.WorkingDirectory, "out");
        var result = await Ok("demo", "--out", output);
        Assert.Contains("Approved (revision 2)", result.Output);
        // The story in words: people by name, nations, stages and statuses as people say them.
        Assert.Contains("Lt Col Emre Aydin submitted NORTHERN-BRIDGE-27 as revision 1", result.Output);
        Assert.Contains("Brig Imran Qureshi, National review for Pakistan (PAK): requested changes to the proposal", result.Output);
        Assert.Contains("it is now changes requested", result.Output);
        Assert.DoesNotContain("RequestChanges", result.Output);
        Assert.DoesNotContain("ChangesRequested", result.Output);
        Assert.DoesNotContain(".approver", result.Output);
        var files = Directory.GetFiles(output, "*.pdf").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(3, files.Count);
        Assert.Contains(files, f => f!.EndsWith("-r2-plan.pdf"));
        Assert.Contains("Approval Record", Pdf.PageTexts(File.ReadAllBytes(Directory.GetFiles(output, "*-record.pdf").Single()))[0]);
        var list = JsonDocument.Parse((await Ok("proposal", "list", "--json")).Output).RootElement;
        Assert.Single(list.EnumerateArray());
        await Ok("demo", "--out", output); // running it again reuses what is there
        Assert.Contains("audit trail intact", (await Ok("audit", "verify")).Output);

        // The approved demo proposal can be amended once at a time, by its coordinator only.
        var code = list.EnumerateArray().Single().GetProperty("code").GetString()!;
        Assert.Equal(2, (await _cli.RunAsync("proposal", "amend", code, "--as", "jor.approver")).ExitCode);
        var amended = await Ok("proposal", "amend", code, "--as", "tur.coordinator");
        Assert.Equal($"opened amendment 1 of {code} as a draft; revision 2 stays in force until it is approved", amended.Output.Trim());
        var again = await _cli.RunAsync("proposal", "amend", code, "--as", "tur.coordinator");
        Assert.Equal((3, $"error: conflict: proposal {code} is Draft; only an approved proposal can be amended"), (again.ExitCode, again.Error.Trim()));
        Assert.Contains("amendment 1 is open; revision 2 stays in force until it is approved", (await Ok("proposal", "show", code)).Output);
    }
}
