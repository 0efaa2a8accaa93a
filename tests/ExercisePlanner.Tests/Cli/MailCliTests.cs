using System.Text.Json;
using ExercisePlanner.Testing;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Cli;

/// <summary><c>notifications list</c> and <c>mail send</c> as real processes: to a pickup folder, and to an SMTP server that sees the sender killed.</summary>
public sealed class MailCliTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<CliResult> Ok(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} exited {result.ExitCode}: {result.Error}");
        return result;
    }

    /// <summary>A coordinator and one approver per nation with an address; the sample proposal submitted opens a step for four of them.</summary>
    private async Task SubmitWithStaffAsync()
    {
        await Ok("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator", "--email", "tur.coordinator@example.org");
        foreach (var nation in new[] { "JOR", "TUR", "PAK", "MYS" })
            await Ok("user", "add", $"{nation.ToLowerInvariant()}.approver", "--nation", nation, "--role", "national-approver",
                "--email", $"{nation.ToLowerInvariant()}.approver@example.org");
        await Ok("user", "add", "usa.approver", "--nation", "USA", "--role", "national-approver", "--email", "usa.approver@example.org", "--mail", "daily-digest");
        await _cli.AddReviewersAsync();
        var file = _cli.WriteFile("proposal.json", Samples.ProposalJsonStartingSoon());
        await Ok("proposal", "import", file, "--as", "tur.coordinator");
        await Ok("proposal", "submit", "NORTHERN-BRIDGE-27", "--as", "tur.coordinator");
    }

    [Fact]
    public async Task Notifications_are_listed_newest_first_and_mail_goes_to_the_pickup_folder_without_a_server()
    {
        await SubmitWithStaffAsync();

        var listed = await Ok("notifications", "list", "--as", "jor.approver", "--unread");
        Assert.Contains("Your decision is needed: NORTHERN-BRIDGE-27 — Northern Bridge 2027 (National review)", listed.Output);
        Assert.Contains("Expected: Approve, request changes or reject it, with a comment, by ", listed.Output);
        var json = JsonDocument.Parse((await Ok("notifications", "list", "--as", "jor.approver", "--json")).Output).RootElement;
        Assert.Equal("StepOpened", json.EnumerateArray().Single().GetProperty("kind").GetString());
        Assert.Equal("no notifications", (await Ok("notifications", "list", "--as", "usa.approver")).Output.Trim());
        var bad = await _cli.RunAsync("user", "add", "x.user", "--nation", "JOR", "--role", "coordinator", "--email", "not an address");
        Assert.Equal((2, "error: email: 'not an address' is not an e-mail address like name@example.org"), (bad.ExitCode, bad.Error.Trim()));

        await Ok("user", "add", "admin", "--nation", "TUR", "--role", "admin");
        Assert.Equal("pak.approver: pak@example.org; none", (await Ok("user", "mail", "pak.approver", "--email", "pak@example.org", "--mail", "none", "--as", "admin")).Output.Trim());
        var refused = await _cli.RunAsync("user", "mail", "jor.approver", "--mail", "none", "--as", "tur.coordinator");
        Assert.Equal((2, "error: not allowed: tur.coordinator is not an administrator"), (refused.ExitCode, refused.Error.Trim()));

        var sent = await Ok("mail", "send");

        // The sample needs JOR, TUR and PAK (MYS observes); the coordinator is never asked to decide. Pakistan's
        // approver chose no mail after the step had opened: its mail was already written, and goes.
        Assert.Equal("3 delivered, 0 failed and to be retried, 0 moved to the dead letters", sent.Output.Trim());
        var files = Directory.GetFiles(Path.Combine(_cli.WorkingDirectory, "mail-pickup"), "*.eml");
        var recipients = files.Select(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address).Order();
        Assert.Equal(["jor.approver@example.org", "pak.approver@example.org", "tur.approver@example.org"], recipients);
        Assert.Equal("0 delivered, 0 failed and to be retried, 0 moved to the dead letters", (await Ok("mail", "send")).Output.Trim());
    }

    [Fact]
    public async Task A_sender_killed_between_sending_and_recording_loses_nothing_and_resends_under_the_same_Message_ID()
    {
        await SubmitWithStaffAsync();
        await using var smtp = await LoopbackSmtp.StartAsync();
        _cli.Environment["Mail__Host"] = "127.0.0.1";
        _cli.Environment["Mail__Port"] = smtp.Port.ToString();
        _cli.Environment["Mail__Security"] = "None";
        _cli.Environment["Mail__LeaseSeconds"] = "4";

        // The server takes the second message, and the sender dies before it hears "250 OK".
        using var sender = _cli.Start("mail", "send");
        smtp.OnReceived = message =>
        {
            if (smtp.Received.Count == 2) sender.Kill(entireProcessTree: true);
            return Task.CompletedTask;
        };
        await sender.WaitForExitAsync();
        smtp.OnReceived = null;
        Assert.NotEqual(0, sender.ExitCode);
        Assert.Equal(2, smtp.Received.Count);

        // The dead sender's claim holds until its lease passes; then another run takes the unrecorded messages again.
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        Assert.StartsWith("2 delivered", (await Ok("mail", "send")).Output.Trim());

        var byId = smtp.Received.GroupBy(m => m.MessageId).ToList();
        Assert.Equal(3, byId.Count); // none lost: one Message-ID per recipient
        Assert.Equal(3, byId.Select(g => g.First().To.Mailboxes.Single().Address).Distinct().Count());
        // The one sent again is the same message, so mail systems keep it once.
        var twice = Assert.Single(byId, g => g.Count() > 1);
        Assert.Equal(2, twice.Count());
        Assert.Single(twice.Select(m => (m.Subject, m.TextBody, m.Date)).Distinct());
    }
}
