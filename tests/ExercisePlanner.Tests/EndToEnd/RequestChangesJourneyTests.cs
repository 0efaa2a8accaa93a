using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ExercisePlanner.Tests.EndToEnd;

/// <summary>
/// Two nations request changes in the same round, in the browser: the coordinator reads both requests, revises and
/// resubmits; an approver reads the old and new values and round 1's requests before approving revision 2, and the
/// approval record lists round 1's requests.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed class RequestChangesJourneyTests
{

    [BrowserFact]
    public async Task Two_nations_requests_reach_the_coordinator_and_the_approver_of_revision_2_sees_them_and_the_changes()
    {
        await using var web = new WebProcess();
        await web.StartAsync();
        await using var browser = await Browsers.LaunchAsync();

        var coordinator = await Browsers.SignInAsync(browser, web, DemoData.Coordinator, width: 1280);
        await coordinator.GotoAsync(web.BaseUrl + "/proposals/edit?example=true");
        await coordinator.FillAsync("#code", "NEW-EXERCISE-27");
        await coordinator.FillAsync("#name", "New exercise");
        await coordinator.ClickAsync("#save");
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Draft");
        var proposalUrl = coordinator.Url;
        await coordinator.ClickAsync("#submit");
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Submitted");

        // Round 1: Pakistan and Indonesia request changes; Jordan and Türkiye approve. All four have their say.
        var decisions = new (string User, string Button, string Comment)[]
        {
            ("pak.approver", "RequestChanges", "Pakistan will send 40 staff, not 25; please update the force table."),
            ("jor.approver", "Approve", "Jordan concurs."),
            ("idn.approver", "RequestChanges", "Indonesia asks to confirm the medical evacuation objective covers our staff."),
            ("tur.approver", "Approve", "Türkiye concurs."),
        };
        foreach (var (user, button, comment) in decisions)
        {
            var page = await Browsers.SignInAsync(browser, web, user, width: 1280);
            await page.GotoAsync(proposalUrl);
            var form = page.Locator("form.decision");
            await Assertions.Expect(form).ToHaveCountAsync(1);
            await Assertions.Expect(form.Locator("h2")).ToContainTextAsync("revision 1");
            await form.Locator("textarea").FillAsync(comment);
            await form.Locator($"button[value={button}]").ClickAsync();
            await Assertions.Expect(page.Locator("p.status.Approved")).ToContainTextAsync("Your decision was recorded");
            await page.Context.CloseAsync();
        }

        // The coordinator sees both requests, revises the force table and resubmits.
        await coordinator.GotoAsync(proposalUrl);
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Changes requested");
        await Assertions.Expect(coordinator.Locator("#requests li")).ToHaveCountAsync(2);
        await Assertions.Expect(coordinator.Locator("#requests")).ToContainTextAsync(decisions[0].Comment);
        await Assertions.Expect(coordinator.Locator("#requests")).ToContainTextAsync(decisions[2].Comment);
        var round1 = coordinator.Locator("#round-1");
        await Assertions.Expect(round1).ToContainTextAsync("Brig Imran Qureshi (PAK, national approver) requested changes to National review:");
        await Assertions.Expect(round1).ToContainTextAsync(decisions[0].Comment);
        await Assertions.Expect(round1).ToContainTextAsync("Brig Gen Arief Wibowo (IDN, national approver) requested changes to National review:");
        await Assertions.Expect(round1).ToContainTextAsync(decisions[2].Comment);
        await Browsers.ShootAsync(coordinator, "proposal-changes-requested");
        await coordinator.GotoAsync(proposalUrl.Replace("/proposals/", "/proposals/edit/"));
        var pakistan = coordinator.Locator("#forces-2 input[type=number]"); // the example's third force: Pakistan's 25
        await Assertions.Expect(pakistan).ToHaveValueAsync("25");
        await pakistan.FillAsync("40");
        await coordinator.ClickAsync("#save");
        await Assertions.Expect(coordinator.Locator("#changes")).ToContainTextAsync("Changed since revision 1");
        await coordinator.ClickAsync("#submit");
        await Assertions.Expect(coordinator.Locator("#proposal-status")).ToHaveTextAsync("Submitted");

        // Jordan's approver reads revision 2: old and new values, round 1's requests, then comments and approves.
        var jordan = await Browsers.SignInAsync(browser, web, "jor.approver", width: 1280);
        await jordan.GotoAsync(proposalUrl);
        await Assertions.Expect(jordan.Locator("form.decision h2")).ToContainTextAsync("revision 2");
        var changed = jordan.Locator("#changes tr.row-changed", new() { HasText = "Pakistan (PAK), Logistics Area staff" });
        await Assertions.Expect(changed.Locator("del.before")).ToHaveTextAsync("25");
        await Assertions.Expect(changed.Locator("ins.after")).ToHaveTextAsync("40");
        await Assertions.Expect(jordan.Locator("#forces tr.total")).ToContainTextAsync("160");
        await Assertions.Expect(jordan.Locator("#round-1")).ToContainTextAsync(decisions[0].Comment);
        await Assertions.Expect(jordan.Locator("#round-1")).ToContainTextAsync(decisions[2].Comment);
        await jordan.FillAsync("#comment-text", "Thank you; Jordan has no further questions.");
        await jordan.ClickAsync("#comment-form button");
        await Assertions.Expect(jordan.Locator("#round-2")).ToContainTextAsync("Brig Gen Khaled Al-Masri (JOR) commented:");
        await Browsers.ShootAsync(jordan, "proposal-revision-2");
        var older = await jordan.GotoAsync(web.BaseUrl + "/proposals/NEW-EXERCISE-27?revision=1");
        Assert.True(older!.Ok);
        await Assertions.Expect(jordan.Locator("#older-revision")).ToContainTextAsync("revision 1");
        await Assertions.Expect(jordan.Locator("#forces")).ToContainTextAsync("25");
        await jordan.GotoAsync(proposalUrl);
        var decision = jordan.Locator("form.decision");
        await decision.Locator("textarea").FillAsync("Jordan concurs with revision 2.");
        await decision.Locator("button[value=Approve]").ClickAsync();
        await Assertions.Expect(jordan.Locator("p.status.Approved")).ToContainTextAsync("Your decision was recorded: approved.");

        // The approval record, read back, lists round 1's requests beside revision 2's decisions.
        var download = await jordan.RunAndWaitForDownloadAsync(() => jordan.ClickAsync("text=Approval record (PDF)"));
        var file = Path.Combine(Browsers.Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var record = string.Join("\n", Pdf.PageTexts(await File.ReadAllBytesAsync(file)));
        Assert.Contains("Revision 1: Returned for changes", record);
        var recordRound1 = record[record.IndexOf("Revision 1: Returned for changes", StringComparison.Ordinal)..];
        foreach (var cell in new[] { decisions[0].Comment, decisions[2].Comment, "Brig Imran Qureshi", "Brig Gen Arief Wibowo" })
            Assert.True(Pdf.HasInOrder(recordRound1, cell), $"'{cell}' not in round 1 of the record: {recordRound1}");
        Assert.True(Pdf.HasInOrder(record, "Jordan concurs with revision 2."), record);
    }
}
