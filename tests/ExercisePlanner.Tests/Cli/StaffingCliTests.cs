using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Cli;

/// <summary><c>workflow plan</c> naming unstaffed steps, the refused submission, and <c>step reassign</c> as a real process.</summary>
public sealed class StaffingCliTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<CliResult> Ok(params string[] args) => _cli.OkAsync(args);

    [Fact]
    public async Task Unstaffed_steps_are_named_submission_refused_until_staffed_and_an_administrator_reassigns_a_step()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator");
        await Ok("user", "add", "admin", "--nation", "TUR", "--role", "admin", "--display-name", "Maj Deniz Ak");
        foreach (var nation in new[] { "JOR", "TUR" })
            await Ok("user", "add", $"{nation.ToLowerInvariant()}.approver", "--nation", nation, "--role", "national-approver");
        await Ok("user", "add", "pak.liaison", "--nation", "PAK", "--role", "logistics-officer", "--display-name", "Lt Col Asif Khan");
        await Ok("user", "add", "tur.deputy", "--nation", "TUR", "--role", "national-approver", "--display-name", "Col Deniz Aksoy");
        await Ok("proposal", "import", _cli.WriteFile("p.json", Samples.ProposalJsonStartingSoon()), "--as", "tur.coordinator");

        var plan = await Ok("workflow", "plan", "NORTHERN-BRIDGE-27");
        Assert.Contains("cannot be submitted yet: No one in Pakistan (PAK) holds the national approver role (National review)", plan.Output);
        Assert.Contains("cannot be submitted yet: No one in Jordan (JOR) holds the legal advisor role (Host-nation legal and logistics review)", plan.Output);
        Assert.Contains("Ask your administrator, Maj Deniz Ak, to add a user for each.", plan.Output);
        var json = JsonDocument.Parse((await Ok("workflow", "plan", "NORTHERN-BRIDGE-27", "--json")).Output).RootElement;
        // PAK approver, JOR legal, logistics, security, TUR director, and the chiefs of staff national review escalates to (JOR, TUR, PAK)
        Assert.Equal(8, json.GetProperty("unstaffed").GetArrayLength());
        Assert.Equal(3, json.GetProperty("unstaffed").EnumerateArray().Count(u => u.GetProperty("escalation").GetBoolean()));

        var refused = await _cli.RunAsync("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
        Assert.Equal(2, refused.ExitCode);
        var line = Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: NORTHERN-BRIDGE-27 cannot be submitted: No one in Pakistan (PAK) holds the national approver role", line);
        Assert.Contains("No one in Türkiye (TUR) holds the exercise director role (Final sign-off)", line);
        Assert.EndsWith("Ask your administrator, Maj Deniz Ak, to add a user for each.", line);
        Assert.Equal("Draft", JsonDocument.Parse((await Ok("proposal", "show", "NORTHERN-BRIDGE-27", "--json")).Output).RootElement.GetProperty("status").GetString());

        await Ok("user", "add", "pak.approver", "--nation", "PAK", "--role", "national-approver");
        await _cli.AddReviewersAsync();
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
        var pakistan = JsonDocument.Parse((await Ok("step", "list", "--as", "pak.approver", "--json")).Output).RootElement[0].GetProperty("id").GetInt32().ToString();

        var notAdmin = await _cli.RunAsync("step", "reassign", pakistan, "--to", "pak.liaison", "--as", "jor.approver");
        Assert.Equal((2, "error: not allowed: jor.approver is not an administrator"), (notAdmin.ExitCode, notAdmin.Error.Trim()));
        var otherNation = await _cli.RunAsync("step", "reassign", pakistan, "--to", "jor.approver", "--as", "admin");
        Assert.Equal((2, $"error: to: step {pakistan} is for Pakistan (PAK); 'jor.approver' is not a user of that nation"), (otherNation.ExitCode, otherNation.Error.Trim()));

        var reassigned = await Ok("step", "reassign", pakistan, "--to", "pak.liaison", "--as", "admin");
        Assert.Equal($"step {pakistan}, National review for Pakistan (PAK): reassigned to Lt Col Asif Khan", reassigned.Output.Trim());
        Assert.Matches($"^ *{pakistan}  NORTHERN-BRIDGE-27 +National review for Pakistan \\(PAK\\), national approver: due [0-9]+ [A-Z][a-z]{{2}} [0-9]{{4}}, [0-9]{{2}}:[0-9]{{2}} UTC$",
            (await Ok("step", "list", "--as", "pak.liaison")).Output.TrimEnd());
        Assert.Contains("A step was given to you", (await Ok("notifications", "list", "--as", "pak.liaison")).Output);
        var turkey = JsonDocument.Parse((await Ok("step", "list", "--as", "tur.approver", "--json")).Output).RootElement[0].GetProperty("id").GetInt32().ToString();
        var delegated = await Ok("step", "delegate", turkey, "--to", "tur.deputy", "--as", "tur.approver");
        Assert.Equal($"step {turkey}, National review for Türkiye (TUR): delegated to Col Deniz Aksoy", delegated.Output.Trim());
        var back = JsonDocument.Parse((await Ok("step", "delegate", turkey, "--to", "tur.approver", "--as", "tur.deputy", "--json")).Output).RootElement;
        Assert.Equal(("tur.approver", "tur.approver"), (back.GetProperty("assignee").GetString(), back.GetProperty("assigneeName").GetString())); // no display name: the user name
        await Ok("step", "decide", pakistan, "approve", "--comment", "Pakistan concurs.", "--as", "pak.liaison");
        Assert.Contains("audit trail intact", (await Ok("audit", "verify")).Output);
    }
}
