using System.CommandLine;
using ExercisePlanner.Core.Features.Demo;
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
                run.Print(report, o =>
                {
                    foreach (var line in report.Log) o.WriteLine("  " + line);
                    o.WriteLine($"{report.Code}: {report.Status} (revision {report.Revision}); {report.UsersAdded} users added");
                });
                return ExitCodes.Success;
            });
    }
}
