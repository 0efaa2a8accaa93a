using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Cli;

/// <summary><c>proposal diff</c>, <c>proposal comment</c> and <c>user add --display-name</c> as a real process.</summary>
public sealed class DiscussionCliTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<CliResult> Ok(params string[] args) => _cli.OkAsync(args);

    [Fact]
    public async Task Two_revisions_are_compared_and_commented_on_from_the_command_line()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        var added = await Ok("user", "add", "jor.approver", "--nation", "JOR", "--role", "national-approver",
            "--title", "Director of Training", "--display-name", "Brig Gen Khaled Al-Masri", "--json");
        Assert.Equal("Brig Gen Khaled Al-Masri", JsonDocument.Parse(added.Output).RootElement.GetProperty("displayName").GetString());
        await Ok("user", "add", "tur.approver", "--nation", "TUR", "--role", "national-approver");
        await Ok("user", "add", "pak.approver", "--nation", "PAK", "--role", "national-approver");
        await _cli.AddReviewersAsync();
        var json = Samples.ProposalJsonStartingSoon();
        await Ok("proposal", "import", _cli.WriteFile("r1.json", json), "--as", "tur.coordinator");
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
        var steps = JsonDocument.Parse((await Ok("step", "list", "--as", "jor.approver", "--json")).Output).RootElement;
        await Ok("step", "decide", steps[0].GetProperty("id").GetInt32().ToString(), "request-changes", "--comment", "More staff.", "--as", "jor.approver");
        foreach (var approver in new[] { "tur.approver", "pak.approver" })
        {
            var step = JsonDocument.Parse((await Ok("step", "list", "--as", approver, "--json")).Output).RootElement[0];
            await Ok("step", "decide", step.GetProperty("id").GetInt32().ToString(), "approve", "--comment", "ok", "--as", approver);
        }
        await Ok("proposal", "import", _cli.WriteFile("r2.json", json.Replace("\"personnel\": 40", "\"personnel\": 380")), "--as", "tur.coordinator");
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");

        var text = await Ok("proposal", "diff", "NORTHERN-BRIDGE-27", "--from", "1", "--to", "2");
        Assert.Contains("NORTHERN-BRIDGE-27: revision 1 -> revision 2", text.Output);
        Assert.Contains("changed  Türkiye (TUR), Logistics Command staff: personnel 40 -> 380", text.Output);
        var diff = JsonDocument.Parse((await Ok("proposal", "diff", "NORTHERN-BRIDGE-27", "--from", "1", "--to", "2", "--json")).Output).RootElement;
        Assert.Equal("forces", diff.GetProperty("lists")[0].GetProperty("list").GetString());
        Assert.Equal("Changed", diff.GetProperty("lists")[0].GetProperty("rows")[0].GetProperty("kind").GetString());

        var commented = await Ok("proposal", "comment", "NORTHERN-BRIDGE-27", "--text", "Thank you for the 380.", "--as", "jor.approver");
        Assert.Contains("commented on NORTHERN-BRIDGE-27 revision 2", commented.Output);
        var empty = await _cli.RunAsync("proposal", "comment", "NORTHERN-BRIDGE-27", "--text", "", "--as", "jor.approver");
        Assert.Equal((2, "error: text: a comment cannot be empty"), (empty.ExitCode, empty.Error.TrimEnd()));
        var missing = await _cli.RunAsync("proposal", "diff", "NORTHERN-BRIDGE-27", "--from", "1", "--to", "5");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--to: proposal NORTHERN-BRIDGE-27 has no revision 5", missing.Error);

        var shown = await Ok("proposal", "show", "NORTHERN-BRIDGE-27");
        Assert.Contains("Brig Gen Khaled Al-Masri: More staff.", shown.Output);
        Assert.Contains("Brig Gen Khaled Al-Masri: Thank you for the 380.", shown.Output);
        Assert.Contains("revision 1: Exercise approval, version ", shown.Output); // the workflow by its name, not its id
        Assert.Contains("Command post exercise (CPX), ", shown.Output);
        Assert.DoesNotContain("workflow exercise-approval", shown.Output);
    }
}
