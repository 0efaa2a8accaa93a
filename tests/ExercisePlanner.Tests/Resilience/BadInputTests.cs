using System.Net;
using System.Net.Http.Json;
using System.Text;
using ExercisePlanner.Cli;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Tests.Web;

namespace ExercisePlanner.Tests.Resilience;

/// <summary>
/// Over a thousand generated malformed proposals and requests: never a 5xx or a crash, a clear error
/// each time, and a refused request changes nothing. Hostile text that is valid is stored and shown as text.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class BadInputApiTests(WebFixture web) : IAsyncLifetime
{
    private static readonly string Sample = File.ReadAllText(Samples.ProposalFile);

    public Task InitializeAsync() => web.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private Task<string> FingerprintAsync() => web.Database.FingerprintAsync();

    [Fact]
    public async Task Malformed_proposals_and_requests_never_break_the_api_and_change_nothing()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(Sample, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(Sample.Replace("NORTHERN-BRIDGE-27", "SECOND-27"), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await coordinator.PostAsync("/api/v1/proposals/SECOND-27/submission", null)).EnsureSuccessStatusCode();
        var jordan = await web.ClientAsAsync("jor.approver");
        var step = (await (await jordan.GetAsync("/api/v1/steps")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())[0].GetProperty("id").GetInt32();

        var requests = new List<(string Name, HttpClient Client, HttpMethod Method, string Path, string? Body)>();
        requests.AddRange(BadInput.Variants(Sample).Select(v => (v.Name, coordinator, HttpMethod.Put, "/api/v1/proposals/NORTHERN-BRIDGE-27", (string?)v.Json)));
        requests.AddRange(BadInput.Variants("""{ "decision": "RequestChanges", "comment": "Please revise." }""")
            .Select(v => ("decision " + v.Name, jordan, HttpMethod.Post, $"/api/v1/steps/{step}/decision", (string?)v.Json)));
        requests.AddRange(BadInput.Variants("""{ "to": "jor.approver" }""").Select(v => ("delegation " + v.Name, jordan, HttpMethod.Post, $"/api/v1/steps/{step}/delegation", (string?)v.Json)));
        foreach (var junk in new[] { "..%2F..%2Fetc%2Fpasswd", "A", new string('Z', 5000), "%3Cscript%3E", "NORTHERN-BRIDGE-27%27--", "-1", "99999999999" })
        {
            requests.Add(($"proposal {junk}", coordinator, HttpMethod.Get, $"/api/v1/proposals/{junk}", null));
            requests.Add(($"step {junk}", jordan, HttpMethod.Post, $"/api/v1/steps/{junk}/decision", """{ "decision": "Approve", "comment": "ok" }"""));
            requests.Add(($"document {junk}", coordinator, HttpMethod.Get, $"/api/v1/proposals/NORTHERN-BRIDGE-27/documents/{junk}", null));
            requests.Add(($"plan {junk}", coordinator, HttpMethod.Get, $"/api/v1/proposals/{junk}/plan", null));
        }
        Assert.True(requests.Count >= 1000, $"only {requests.Count} requests");

        var accepted = 0;
        foreach (var (name, client, method, path, body) in requests)
        {
            var before = await FingerprintAsync();
            var response = await client.SendAsync(new HttpRequestMessage(method, path)
            {
                Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
            });
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{name}: {status} {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
            {
                Assert.True(before == await FingerprintAsync(), $"{name} was refused ({status}) but changed the database");
                if (status != 404 || path.StartsWith("/api/v1/proposals/", StringComparison.Ordinal))
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
            else accepted++;
        }
        Assert.InRange(accepted, 1, requests.Count / 4); // hostile but valid text is accepted as text; the rest is refused
    }

    [Fact]
    public async Task Hostile_text_is_shown_as_text_on_pages_and_in_pdfs()
    {
        var coordinator = await web.ClientAsAsync("tur.coordinator");
        const string hostile = "<script>alert('x')</script> ../../etc/passwd {{7*7}}";
        var json = Sample.Replace("\"Northern Bridge 2027\"", System.Text.Json.JsonSerializer.Serialize(hostile));
        (await coordinator.PostAsync("/api/v1/proposals", new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        var pdf = await (await coordinator.GetAsync("/api/v1/proposals/NORTHERN-BRIDGE-27/documents/Plan")).Content.ReadAsByteArrayAsync();
        Assert.Contains(hostile, Pdf.PageTexts(pdf)[0]);

        var cookies = web.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await cookies.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await cookies.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "tur.coordinator", ["Password"] = WebFixture.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = await cookies.GetStringAsync("/proposals/NORTHERN-BRIDGE-27");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", page);
        Assert.DoesNotContain("<script>alert", page);
    }
}

/// <summary>
/// The same malformed proposal files through the command line (in process): exit 2, one line, nothing stored.
/// On the contract's <c>--db</c> file: in process, the command line cannot be pointed at PostgreSQL
/// without changing the environment of every other test.
/// </summary>
public sealed class BadInputCliTests : IAsyncDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateSqlite("cli");

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await PlannerCommandLine.RunAsync([.. args, "--db", _database.SqlitePath!], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Malformed_files_and_names_get_one_line_and_exit_2()
    {
        Assert.Equal(0, (await RunAsync("user", "add", "tur.coordinator", "--nation", "TUR", "--role", "coordinator")).Code);
        var sample = Samples.ProposalJsonStartingSoon();
        var variants = BadInput.Variants(sample).Where((_, i) => i % 3 == 0).ToList();
        var refused = 0;
        foreach (var (name, json) in variants)
        {
            var file = Path.Combine(_database.Folder, "proposal.json");
            await File.WriteAllTextAsync(file, json);
            var before = await _database.FingerprintAsync();
            var (code, _, error) = await RunAsync("proposal", "import", file, "--as", "tur.coordinator");
            Assert.True(code is 0 or 2 or 3, $"{name}: exit {code} {error}");
            if (code == 0) continue;
            refused++;
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: ", error);
            Assert.True(before == await _database.FingerprintAsync(), $"{name} was refused but changed the database");
        }
        Assert.True(refused > variants.Count / 2, $"only {refused} of {variants.Count} refused");

        foreach (var path in new[] { "../../../../etc/passwd", "/dev/null", _database.Folder, "missing\u0001.json", new string('a', 5000) + ".json" })
        {
            var (code, _, error) = await RunAsync("proposal", "import", path, "--as", "tur.coordinator");
            Assert.True(code == 2, $"{path[..Math.Min(40, path.Length)]}: exit {code} {error}");
        }
    }
}
