using System.Net;
using System.Text;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Web;

/// <summary>
/// Every endpoint against every kind of caller. The sample proposal (JOR host, TUR lead, PAK, MYS observer;
/// releasable to JOR, TUR, PAK) is submitted; DRAFT-27 is a draft of the coordinator's.
/// Callers: anonymous, the coordinator (TUR), an approver of a releasable nation (JOR), an approver of a
/// nation that takes part but is not releasable (MYS, observer), one whose nation takes no part (USA), admin.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuthorizationMatrixTests(WebFixture web) : IAsyncLifetime
{
    private static readonly string?[] Callers = [null, "tur.coordinator", "jor.approver", "mys.approver", "usa.approver", "admin"];

    public static TheoryData<string, string, string, int[]> Cells => new()
    {
        // method, path, body, expected status per caller in the order of Callers
        { "GET", "/api/v1/proposals", "", [401, 200, 200, 200, 200, 200] },
        { "GET", "/api/v1/proposals/NORTHERN-BRIDGE-27", "", [401, 200, 200, 200, 404, 200] },
        { "GET", "/api/v1/proposals/NORTHERN-BRIDGE-27/plan", "", [401, 200, 200, 200, 404, 200] },
        { "GET", "/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Plan", "", [401, 200, 200, 403, 404, 200] },
        { "GET", "/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Memorandum", "", [401, 200, 200, 403, 404, 200] },
        { "PUT", "/api/v1/proposals/DRAFT-27", "draft", [401, 200, 403, 403, 403, 200] },
        { "GET", "/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Record", "", [401, 200, 200, 403, 404, 200] },
        { "POST", "/api/v1/proposals/DRAFT-27/submission", "", [401, 200, 403, 403, 403, 200] },
        { "POST", "/api/v1/proposals/NORTHERN-BRIDGE-27/withdrawal", "", [401, 200, 403, 403, 403, 200] },
        { "POST", "/api/v1/proposals/NORTHERN-BRIDGE-27/amendment", "", [401, 409, 403, 403, 403, 409] }, // submitted, not approved
        { "GET", "/api/v1/steps", "", [401, 200, 200, 200, 200, 200] },
        { "POST", "/api/v1/steps/1/decision", """{ "decision": "Approve", "comment": "ok" }""", [401, 403, 200, 403, 403, 403] },
        { "POST", "/api/v1/steps/1/delegation", """{ "to": "jor.deputy" }""", [401, 403, 200, 403, 403, 403] },
        { "GET", "/api/v1/workflows/exercise-approval/diagram", "", [401, 200, 200, 200, 200, 200] },
        { "GET", "/api/v1/workflows", "", [401, 200, 200, 200, 200, 200] },
        { "POST", "/api/v1/workflows/validation", """{ "id": "x" }""", [401, 200, 200, 200, 200, 200] },
        { "GET", "/api/v1/audit/verification", "", [401, 403, 403, 403, 403, 200] },
        { "POST", "/api/v1/users", """{ "name": "x", "nation": "JOR", "roles": ["national-approver"], "password": "short" }""", [401, 403, 403, 403, 403, 400] },
        { "GET", "/api/v1/notifications", "", [401, 200, 200, 200, 200, 200] },
        { "POST", "/api/v1/notifications/read", "", [401, 200, 200, 200, 200, 200] },
        { "POST", "/api/v1/notifications/999999/read", "", [401, 404, 404, 404, 404, 404] },
        { "GET", "/api/v1/outbox", "", [401, 403, 403, 403, 403, 200] },
        { "POST", "/api/v1/outbox/999999/retry", "", [401, 403, 403, 403, 403, 404] },
        { "PUT", "/api/v1/users/jor.approver/mail", """{ "email": "jor@example.org", "mailPreference": "DailyDigest" }""", [401, 403, 403, 403, 403, 200] },
        { "POST", "/api/v1/calendar", "", [401, 200, 200, 200, 200, 200] },
        { "DELETE", "/api/v1/calendar", "", [401, 204, 204, 204, 204, 204] },
        { "GET", "/calendar/not-a-feed.ics", "", [404, 404, 404, 404, 404, 404] },
        { "GET", "/openapi/v1.json", "", [401, 200, 200, 200, 200, 200] },
        { "POST", "/api/v1/auth/token", """{ "userName": "jor.approver", "password": "wrong-password" }""", [401, 401, 401, 401, 401, 401] },
    };

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_the_expected_status(string method, string path, string body, int[] expected)
    {
        for (var i = 0; i < Callers.Length; i++)
        {
            await ArrangeAsync();
            var client = await web.ClientAsAsync(Callers[i]);
            var content = body switch
            {
                "" => null,
                "draft" => new StringContent(File.ReadAllText(Samples.ProposalFile).Replace("NORTHERN-BRIDGE-27", "DRAFT-27"), Encoding.UTF8, "application/json"),
                _ => new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });
            Assert.True(expected[i] == (int)response.StatusCode,
                $"{method} {path} as {Callers[i] ?? "anonymous"}: expected {expected[i]}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>A fresh database for every cell, so one caller's success does not change the next one's answer.</summary>
    private async Task ArrangeAsync()
    {
        await web.ResetAsync();
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = File.ReadAllText(Samples.ProposalFile);
        (await coordinator.PutAsync("/api/v1/proposals/NORTHERN-BRIDGE-27", new StringContent(sample, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
        (await coordinator.PutAsync("/api/v1/proposals/DRAFT-27", new StringContent(sample.Replace("NORTHERN-BRIDGE-27", "DRAFT-27"), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }
}
