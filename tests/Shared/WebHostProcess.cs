using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace ExercisePlanner.Testing;

/// <summary>
/// The built web host as a real process on a free loopback port, for the tests that kill it and the
/// load runs that measure it. The caller gives the environment (database, ASP.NET environment).
/// </summary>
public sealed class WebHostProcess(string workingDirectory, IReadOnlyDictionary<string, string?> environment) : IAsyncDisposable
{
    private Process? _process;

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    /// <summary>The peak resident memory of the running host (VmHWM), in bytes.</summary>
    public long PeakMemoryBytes => ReadStatus("VmHWM:");

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuildOutput.Find("ExercisePlanner.Web", "ExercisePlanner.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        _process = Process.Start(start)!;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) errors.Enqueue(text); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/login")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            if (_process.HasExited)
                throw new InvalidOperationException($"the web host exited with {_process.ExitCode}: {string.Join(" | ", errors.Take(5))}");
            await Task.Delay(200);
        }
        throw new TimeoutException("the web host did not start within 60 s");
    }

    /// <summary>Signs a user in and returns the bearer token (the API's <c>POST /api/v1/auth/token</c>).</summary>
    public async Task<string> TokenAsync(HttpClient http, string user, string password)
    {
        var response = await http.PostAsJsonAsync($"{BaseUrl}/api/v1/auth/token", new { userName = user, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when the machine loses the process.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    private long ReadStatus(string field)
    {
        var line = File.ReadLines($"/proc/{_process!.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024; // the kernel reports kB
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }
}

/// <summary>Programs are run from their own project's build output, where their dependencies are theirs.</summary>
public static class BuildOutput
{
    public static string Find(string project, string file)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // tests/PROJECT/bin/CONFIG/TFM
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", project, "bin", output.Parent.Name, output.Name, file);
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first", path);
    }
}
