using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>The web host as a real process on a free loopback port, in Development (demo staff seeded), on its own database.</summary>
public sealed class WebProcess : IAsyncDisposable
{
    private Process? _process;

    public TestDatabase Database { get; } = TestDatabase.Create("web");

    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Database.Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(BuildOutput.Find("ExercisePlanner.Web", "ExercisePlanner.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        Database.ApplyTo(start.Environment);
        start.Environment["Security__LoginsPerMinute"] = "100"; // nine people sign in within seconds
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
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
            if (_process.HasExited) throw new InvalidOperationException($"the web host exited with {_process.ExitCode}");
            await Task.Delay(200);
        }
        throw new TimeoutException("the web host did not start within 60 s");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, as when the machine loses the process.</summary>
    public async Task KillAsync()
    {
        _process!.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
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
        await Database.DisposeAsync();
    }
}

/// <summary>Programs are run from their own project's build output, where their dependencies are theirs.</summary>
public static class BuildOutput
{
    public static string Find(string project, string file)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // tests/ExercisePlanner.Tests/bin/CONFIG/TFM
        var root = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", project, "bin", output.Parent.Name, output.Name, file);
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first", path);
    }
}

/// <summary>Tests that start web hosts as processes take turns: on two cores, two hosts and a browser at once starve each other.</summary>
[CollectionDefinition(Name)]
public sealed class HostProcesses
{
    public const string Name = "host processes";
}
