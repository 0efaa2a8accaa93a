using System.CommandLine;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Cli.Commands;

internal static class DemoCommand
{
    public static Command Build()
    {
        var outDir = new Option<DirectoryInfo>("--out")
        {
            Description = "where the PDFs are written",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        return new Command("demo", "seed demo staff and a multinational proposal, run its approval and write its documents")
            .With(outDir).Runs(async run =>
            {
                var report = await run.Services.GetRequiredService<DemoScenario>().RunAsync();
                var directory = run.Parse.GetValue(outDir)!.FullName;
                var written = new List<string>();
                foreach (var document in await run.Send(new ListDocuments(report.Code)))
                {
                    var path = Path.Combine(directory, document.FileName);
                    await Files.WriteAtomicallyAsync(path, document.Content);
                    written.Add(path);
                }
                run.Print(new { report, documents = written }, o =>
                {
                    foreach (var line in report.Log) o.WriteLine("  " + line);
                    foreach (var path in written) o.WriteLine($"  wrote {path}");
                    o.WriteLine($"{report.Code}: {report.Status} (revision {report.Revision}); {report.UsersAdded} users added");
                });
                return ExitCodes.Success;
            });
    }
}
