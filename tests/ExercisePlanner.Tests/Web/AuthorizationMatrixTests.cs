using System.Text;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Web;

/// <summary>
/// Every endpoint and page against every kind of caller. The sample proposal (JOR host, TUR lead, PAK, MYS observer;
/// RESTRICTED, releasable to JOR, TUR, PAK) is submitted; DRAFT-27 is a draft of the coordinator's.
/// Callers: anonymous, the coordinator (TUR), an approver of a releasable nation (JOR), an approver of a
/// nation that takes part but is not releasable (MYS, observer), one whose nation takes no part (USA), admin.
/// The list of endpoints is read from the running host: an endpoint without a row here fails the test.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AuthorizationMatrixTests(WebFixture web)
{
    private static readonly string?[] Callers = [null, "tur.coordinator", "jor.approver", "mys.approver", "usa.approver", "admin"];

    /// <summary>Words put into the sample's content (summary, objective, force, contact) that only releasable nations may read.</summary>
    private static readonly (string Sample, string Marked)[] Content =
    [
        ("Command post exercise on combined logistics support.", "Summary-for-releasable-nations"),
        ("Exercise a combined logistics coordination cell.", "Objective-for-releasable-nations"),
        ("Logistics Command staff", "Unit-for-releasable-nations"),
        ("poc@example.org", "contact@releasable.example"),
    ];

    // endpoint (method and route as the host declares it; PAGE for Razor pages, requested with GET), request path, body, status per caller
    public static TheoryData<string, string, string, int[]> Cells => new()
    {
        { "POST /api/v1/auth/token", "/api/v1/auth/token", """{ "userName": "jor.approver", "password": "wrong-password" }""", [401, 401, 401, 401, 401, 401] },
        { "POST /api/v1/auth/signout", "/api/v1/auth/signout", "", [401, 204, 204, 204, 204, 204] },
        { "POST /api/v1/auth/password", "/api/v1/auth/password", """{ "currentPassword": "wrong-password", "newPassword": "Brand-New-Secret-7" }""", [401, 400, 400, 400, 400, 400] },
        { "PUT /api/v1/users/{name}/password", "/api/v1/users/jor.deputy/password", """{ "password": "Reset-By-Admin-42" }""", [401, 403, 403, 403, 403, 204] },
        { "GET /api/v1/proposals", "/api/v1/proposals", "", [401, 200, 200, 200, 200, 200] },
        { "GET /api/v1/proposals/{code}", "/api/v1/proposals/NORTHERN-BRIDGE-27", "", [401, 200, 200, 200, 404, 200] },
        { "GET /api/v1/proposals/{code}", "/api/v1/proposals/NORTHERN-BRIDGE-27?revision=1", "", [401, 200, 200, 200, 404, 200] },
        { "GET /api/v1/proposals/{code}", "/api/v1/proposals/NO-SUCH-CODE", "", [401, 404, 404, 404, 404, 404] },
        { "PUT /api/v1/proposals/{code}", "/api/v1/proposals/DRAFT-27", "draft", [401, 200, 403, 403, 403, 200] },
        { "POST /api/v1/proposals", "/api/v1/proposals", "new", [401, 201, 403, 403, 403, 201] },
        { "POST /api/v1/proposals/{code}/reopening", "/api/v1/proposals/NORTHERN-BRIDGE-27/reopening", "", [401, 409, 403, 403, 404, 409] }, // submitted, not withdrawn
        { "POST /api/v1/proposals/{code}/submission", "/api/v1/proposals/DRAFT-27/submission", "", [401, 200, 403, 403, 404, 200] },
        { "POST /api/v1/proposals/{code}/withdrawal", "/api/v1/proposals/NORTHERN-BRIDGE-27/withdrawal", "", [401, 200, 403, 403, 404, 200] },
        { "POST /api/v1/proposals/{code}/amendment", "/api/v1/proposals/NORTHERN-BRIDGE-27/amendment", "", [401, 409, 403, 403, 404, 409] }, // submitted, not approved
        { "GET /api/v1/proposals/{code}/plan", "/api/v1/proposals/NORTHERN-BRIDGE-27/plan", "", [401, 200, 200, 403, 404, 200] },
        { "GET /api/v1/proposals/{code}/documents/{kind}", "/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Plan", "", [401, 200, 200, 403, 404, 200] },
        { "GET /api/v1/proposals/{code}/documents/{kind}", "/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Memorandum", "", [401, 200, 200, 403, 404, 200] },
        { "GET /api/v1/proposals/{code}/documents/{kind}", "/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Record", "", [401, 200, 200, 403, 404, 200] },
        { "GET /api/v1/proposals/{code}/changes", "/api/v1/proposals/NORTHERN-BRIDGE-27/changes?from=1&to=1", "", [401, 200, 200, 403, 404, 200] },
        { "POST /api/v1/proposals/{code}/comments", "/api/v1/proposals/NORTHERN-BRIDGE-27/comments", """{ "text": "When is the IPC?" }""", [401, 201, 201, 403, 404, 201] },
        { "GET /api/v1/steps", "/api/v1/steps", "", [401, 200, 200, 200, 200, 200] },
        // Step 1 is Jordan's national approval.
        { "POST /api/v1/steps/{id:int}/decision", "/api/v1/steps/1/decision", """{ "decision": "Approve", "comment": "ok" }""", [401, 403, 200, 404, 404, 403] },
        { "POST /api/v1/steps/{id:int}/delegation", "/api/v1/steps/1/delegation", """{ "to": "jor.deputy" }""", [401, 403, 200, 404, 404, 403] },
        // Administrators only: the open steps nobody can decide, and giving one to a named user of its nation (Jordan's step 1 to its deputy).
        { "GET /api/v1/steps/undecidable", "/api/v1/steps/undecidable", "", [401, 403, 403, 403, 403, 200] },
        { "POST /api/v1/steps/{id:int}/reassignment", "/api/v1/steps/1/reassignment", """{ "to": "jor.deputy" }""", [401, 403, 403, 403, 403, 200] },
        { "GET /api/v1/workflows", "/api/v1/workflows", "", [401, 200, 200, 200, 200, 200] },
        { "GET /api/v1/workflows/{id}/diagram", "/api/v1/workflows/exercise-approval/diagram", "", [401, 200, 200, 200, 200, 200] },
        { "POST /api/v1/workflows/validation", "/api/v1/workflows/validation", """{ "id": "x" }""", [401, 200, 200, 200, 200, 200] },
        // Administrators only; the bodies are refused for them too, so that no version is published into the shared database.
        { "POST /api/v1/workflows/", "/api/v1/workflows", """{ "id": "x" }""", [401, 403, 403, 403, 403, 400] },
        { "POST /api/v1/workflows/{id}/versions/{version:int}/publication", "/api/v1/workflows/exercise-approval/versions/99/publication", "", [401, 403, 403, 403, 403, 404] },
        { "POST /api/v1/workflows/{id}/migrations", "/api/v1/workflows/exercise-approval/migrations", """{ "from": 1, "to": 99, "dryRun": true }""", [401, 403, 403, 403, 403, 400] },
        { "GET /api/v1/workflows/versions", "/api/v1/workflows/versions", "", [401, 403, 403, 403, 403, 200] },
        { "PAGE /workflows/edit", "/workflows/edit", "", [302, 403, 403, 403, 403, 200] },
        { "PAGE /workflows/migrate", "/workflows/migrate?id=exercise-approval&from=1", "", [302, 403, 403, 403, 403, 200] },
        { "GET /api/v1/audit/verification", "/api/v1/audit/verification", "", [401, 403, 403, 403, 403, 200] },
        { "POST /api/v1/users", "/api/v1/users", """{ "name": "x", "nation": "JOR", "roles": ["national-approver"], "password": "short" }""", [401, 403, 403, 403, 403, 400] },
        { "GET /api/v1/notifications", "/api/v1/notifications", "", [401, 200, 200, 200, 200, 200] },
        { "POST /api/v1/notifications/read", "/api/v1/notifications/read", "", [401, 200, 200, 200, 200, 200] },
        { "POST /api/v1/notifications/{id:int}/read", "/api/v1/notifications/999999/read", "", [401, 404, 404, 404, 404, 404] },
        { "GET /api/v1/outbox", "/api/v1/outbox", "", [401, 403, 403, 403, 403, 200] },
        { "POST /api/v1/outbox/{id:int}/retry", "/api/v1/outbox/999999/retry", "", [401, 403, 403, 403, 403, 404] },
        // Administrators only: the users, deactivating one (Jordan's deputy), giving a role, taking away a user's only role (refused).
        { "GET /api/v1/users/", "/api/v1/users", "", [401, 403, 403, 403, 403, 200] },
        { "POST /api/v1/users/{name}/deactivation", "/api/v1/users/jor.deputy/deactivation", "", [401, 403, 403, 403, 403, 200] },
        { "POST /api/v1/users/{name}/roles", "/api/v1/users/jor.deputy/roles", """{ "role": "legal-advisor" }""", [401, 403, 403, 403, 403, 200] },
        { "DELETE /api/v1/users/{name}/roles/{role}", "/api/v1/users/jor.legal/roles/legal-advisor", "", [401, 403, 403, 403, 403, 400] },
        { "PUT /api/v1/users/{name}/mail", "/api/v1/users/jor.approver/mail", """{ "email": "jor@example.org", "mailPreference": "DailyDigest" }""", [401, 403, 403, 403, 403, 200] },
        { "POST /api/v1/calendar", "/api/v1/calendar", "", [401, 200, 200, 200, 200, 200] },
        { "DELETE /api/v1/calendar", "/api/v1/calendar", "", [401, 204, 204, 204, 204, 204] },
        { "GET /calendar/{token}.ics", "/calendar/not-a-feed.ics", "", [404, 404, 404, 404, 404, 404] },
        { "GET /openapi/{documentName}.json", "/openapi/v1.json", "", [401, 200, 200, 200, 200, 200] },
        { "PAGE /", "/", "", [302, 200, 200, 200, 200, 200] },
        { "PAGE /proposals/{code}", "/proposals/NORTHERN-BRIDGE-27", "", [302, 200, 200, 200, 404, 200] },
        { "PAGE /proposals/{code}", "/proposals/NORTHERN-BRIDGE-27?revision=1", "", [302, 200, 200, 200, 404, 200] },
        { "PAGE /proposals/{code}/amendment", "/proposals/NORTHERN-BRIDGE-27/amendment", "", [302, 200, 200, 200, 404, 200] },
        { "PAGE /proposals/edit/{code?}", "/proposals/edit/DRAFT-27", "", [302, 200, 403, 403, 403, 200] },
        { "PAGE /proposals/edit/{code?}", "/proposals/edit", "", [302, 200, 403, 403, 403, 200] },
        { "PAGE /proposals/{code}/withdraw", "/proposals/NORTHERN-BRIDGE-27/withdraw", "", [302, 200, 403, 403, 404, 200] },
        { "PAGE /proposals/{code}/reopen", "/proposals/NORTHERN-BRIDGE-27/reopen", "", [302, 200, 403, 403, 404, 200] },
        { "PAGE /steps/{id:int}/reject", "/steps/1/reject", "", [302, 404, 200, 404, 404, 404] },
        { "PAGE /steps/undecidable", "/steps/undecidable", "", [302, 403, 403, 403, 403, 200] },
        { "PAGE /calendar", "/calendar", "", [302, 200, 200, 200, 200, 200] },
        { "PAGE /error/{status:int?}", "/error/404", "", [404, 404, 404, 404, 404, 404] },
        { "PAGE /workflows", "/workflows", "", [302, 200, 200, 200, 200, 200] },
        { "PAGE /notifications", "/notifications", "", [302, 200, 200, 200, 200, 200] },
        { "PAGE /outbox", "/outbox", "", [302, 403, 403, 403, 403, 200] },
        { "PAGE /audit", "/audit", "", [302, 403, 403, 403, 403, 200] },
        { "PAGE /users", "/users", "", [302, 403, 403, 403, 403, 200] },
        { "PAGE /account/password", "/account/password", "", [302, 200, 200, 200, 200, 200] },
        { "PAGE /login", "/login", "", [200, 200, 200, 200, 200, 200] },
        { "PAGE /logout", "/logout", "", [302, 302, 302, 302, 302, 302] },
    };

    [Fact]
    public void Every_endpoint_of_the_host_has_a_row()
    {
        var covered = Cells.Select(row => (string)row[0]).ToHashSet();
        var missing = Endpoints().Where(e => !covered.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "endpoints without a row in the authorization matrix: " + string.Join(", ", missing));
        var stale = covered.Where(c => !Endpoints().Contains(c)).ToList();
        Assert.True(stale.Count == 0, "rows for endpoints the host does not have: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_gets_the_expected_status(string endpoint, string path, string body, int[] expected)
    {
        var method = endpoint.StartsWith("PAGE ", StringComparison.Ordinal) ? "GET" : endpoint.Split(' ')[0];
        for (var i = 0; i < Callers.Length; i++)
        {
            await ArrangeAsync();
            var client = await web.ClientAsAsync(Callers[i]);
            var content = body switch
            {
                "" => null,
                "draft" => new StringContent(Sample().Replace("NORTHERN-BRIDGE-27", "DRAFT-27"), Encoding.UTF8, "application/json"),
                "new" => new StringContent(Sample().Replace("NORTHERN-BRIDGE-27", "NEW-27"), Encoding.UTF8, "application/json"),
                _ => new StringContent(body, Encoding.UTF8, "application/json"),
            };
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });
            var text = response.Content.Headers.ContentType?.MediaType == "application/pdf" ? "" : await response.Content.ReadAsStringAsync();
            Assert.True(expected[i] == (int)response.StatusCode,
                $"{method} {path} as {Callers[i] ?? "anonymous"}: expected {expected[i]}, got {(int)response.StatusCode} {text}");
            if (Callers[i] is "mys.approver" or "usa.approver")
                foreach (var words in Content.Select(c => c.Marked))
                    Assert.False(text.Contains(words, StringComparison.Ordinal), $"{method} {path} shows {Callers[i]} the content '{words}'");
        }
    }

    /// <summary>The host's endpoints as "METHOD /route" (API) and "PAGE /route" (Razor pages).</summary>
    private HashSet<string> Endpoints() => web.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? methods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}")
            : [$"PAGE /{e.RoutePattern.RawText!.TrimStart('/')}"])
        .ToHashSet();

    private static string Sample() => Content.Aggregate(File.ReadAllText(Samples.ProposalFile), (json, c) => json.Replace(c.Sample, c.Marked));

    /// <summary>A fresh database for every cell, so one caller's success does not change the next one's answer.</summary>
    private async Task ArrangeAsync()
    {
        await web.ResetAsync();
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        var sample = Sample();
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(sample, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/submission", null)).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(sample.Replace("NORTHERN-BRIDGE-27", "DRAFT-27"), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }
}
