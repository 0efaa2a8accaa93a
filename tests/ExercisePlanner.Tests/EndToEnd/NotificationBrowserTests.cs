using System.Net.Http.Headers;
using System.Text;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;
using static ExercisePlanner.Tests.EndToEnd.Browsers;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>The bell in a real browser: its count goes up when a step opens for the user and down when they read it; mail shows on the Outbox page.</summary>
[Collection(HostProcesses.Name)]
public sealed class NotificationBrowserTests
{
    private const string Code = "SOUTHERN-GATE-27";

    [BrowserFact]
    public async Task The_bell_counts_a_step_that_opens_and_goes_down_when_it_is_read()
    {
        await using var web = new WebProcess(new Dictionary<string, string?> { ["Mail__SendSeconds"] = "1" });
        await web.StartAsync();
        await using var browser = await LaunchAsync();

        // The seeded demo proposal has already told Jordan's approver of one step.
        var approver = await SignInAsync(browser, web, "jor.approver");
        await Assertions.Expect(approver.Locator("#bell .count")).ToHaveTextAsync("1");

        // The administrator gives the approver an address; the coordinator submits a proposal Jordan must approve.
        var admin = await SignInAsync(browser, web, "admin");
        await admin.GotoAsync(web.BaseUrl + "/outbox");
        await admin.FillAsync("#name", "jor.approver");
        await admin.FillAsync("#email", "khaled.almasri@example.org");
        await admin.ClickAsync("#user-mail button[type=submit]");
        await Assertions.Expect(admin.Locator("p.card")).ToHaveTextAsync("Brig Gen Khaled Al-Masri now gets an e-mail for each event at khaled.almasri@example.org.");
        using (var http = new HttpClient())
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await web.TokenAsync(http, DemoData.Coordinator, Password));
            var json = new StringContent(Samples.ProposalJsonStartingSoon().Replace("NORTHERN-BRIDGE-27", Code).Replace("Northern Bridge", "Southern Gate"),
                Encoding.UTF8, "application/json");
            (await http.PostAsync($"{web.BaseUrl}/api/v1/proposals", json)).EnsureSuccessStatusCode();
            (await http.PostAsync($"{web.BaseUrl}/api/v1/proposals/{Code}/submission", null)).EnsureSuccessStatusCode();
        }

        await approver.ReloadAsync();
        await Assertions.Expect(approver.Locator("#bell .count")).ToHaveTextAsync("2");
        await Assertions.Expect(approver.Locator("#bell")).ToHaveAttributeAsync("aria-label", "Notifications: 2 unread");
        await ShootAsync(approver, "bell");
        await approver.ClickAsync("#bell");
        var notification = approver.Locator("li.notification.unread").First; // newest first
        await Assertions.Expect(notification).ToContainTextAsync($"Southern Gate 2027 ({Code})");
        await Assertions.Expect(notification).ToContainTextAsync("National review for Jordan (JOR) is open and waits for a national approver.");
        await Assertions.Expect(notification).ToContainTextAsync("Expected: Approve, request changes or reject it, with a comment, by ");
        await ShootAsync(approver, "notifications");
        await notification.Locator("button").ClickAsync();
        await Assertions.Expect(approver.Locator("#bell .count")).ToHaveTextAsync("1");
        await Assertions.Expect(approver.Locator("li.notification.unread")).ToHaveCountAsync(1);
        await approver.ClickAsync($"li.notification >> text=Southern Gate 2027 ({Code})");
        await Assertions.Expect(approver.Locator("form.decision")).ToHaveCountAsync(1);

        // The mail went to the pickup folder, and the administrator reads it on the Outbox page once sent.
        await admin.GotoAsync(web.BaseUrl + "/outbox");
        var mail = admin.Locator("li.notification", new() { HasText = "khaled.almasri@example.org" });
        for (var i = 0; i < 40 && !(await mail.InnerTextAsync()).Contains("Sent"); i++)
        {
            await Task.Delay(500);
            await admin.ReloadAsync();
        }
        await Assertions.Expect(mail).ToContainTextAsync($"[RESTRICTED — REL TO JOR, TUR, PAK] Your decision is needed: {Code}");
        await Assertions.Expect(mail).ToContainTextAsync("Sent");
        await Assertions.Expect(mail).ToContainTextAsync("To Brig Gen Khaled Al-Masri, Director of Training <khaled.almasri@example.org>");
        await mail.Locator("summary").ClickAsync();
        await Assertions.Expect(mail.Locator("pre")).ToContainTextAsync("Stage: National review");
        await ShootAsync(admin, "outbox");
        var files = Directory.GetFiles(Path.Combine(web.Database.Folder, "mail-pickup"), "*.eml");
        Assert.Single(files, f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address == "khaled.almasri@example.org");
    }
}
