using System.CommandLine;
using ExercisePlanner.Core.Features.Documents;

namespace ExercisePlanner.Cli.Commands;

internal static class DocumentCommands
{
    public static Command Build()
    {
        var command = new Command("document", "write a proposal's documents as PDF");
        foreach (var (name, kind, description) in new[]
        {
            ("plan", DocumentKind.Plan, "the exercise plan"),
            ("mou", DocumentKind.Memorandum, "the memorandum of understanding"),
            ("record", DocumentKind.Record, "the approval record"),
        })
        {
            var code = new Argument<string>("CODE") { Description = "proposal code" };
            var output = new Option<FileInfo>("--output", "-o") { Description = "the PDF file to write", Required = true };
            var language = new Option<string?>("--lang") { Description = "second language of the memorandum (ISO 639-1: ar, fr; en for English only)" };
            var revision = new Option<int?>("--revision") { Description = "a submitted revision, as it was submitted and decided (default: the current content)" };
            command.Subcommands.Add(new Command(name, $"write {description}").With(code, output, language, revision).Runs(async run =>
            {
                var rendered = await run.Send(new RenderDocument(run.Parse.GetValue(code)!, kind, run.Parse.GetValue(language), Revision: run.Parse.GetValue(revision)));
                var file = run.Parse.GetValue(output)!;
                await Files.WriteAtomicallyAsync(file.FullName, rendered.Content);
                run.Print(new { file = file.FullName, rendered.Sha256, bytes = rendered.Content.Length },
                    o => o.WriteLine($"wrote {file.FullName} ({rendered.Content.Length} bytes, sha256 {rendered.Sha256})"));
                return ExitCodes.Success;
            }));
        }
        return command;
    }
}

internal static class Files
{
    /// <summary>Writes to a temporary file beside the target and renames it, so a failure never leaves a partial file.</summary>
    public static async Task WriteAtomicallyAsync(string path, byte[] content)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
