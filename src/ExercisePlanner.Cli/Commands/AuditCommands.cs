using System.CommandLine;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Features.Audit;

namespace ExercisePlanner.Cli.Commands;

internal static class AuditCommands
{
    public static Command Build()
    {
        var anchorFile = new Option<FileInfo?>("--anchor") { Description = "an anchor file printed earlier by `audit anchor`: also detect entries removed or rewritten after it" };
        var verify = new Command("verify", "check the audit trail: its keyed chain and, with --anchor, that nothing after the anchor was removed").With(anchorFile).Runs(async run =>
        {
            var anchor = run.Parse.GetValue(anchorFile) is { } file ? AuditAnchor.Parse(await File.ReadAllTextAsync(file.FullName), file.FullName) : null;
            var result = await run.Send(new VerifyAudit(anchor));
            run.Print(result, o =>
            {
                if (result.Intact)
                    o.WriteLine($"audit trail intact: {result.Entries} entries, head {result.HeadHash}" + (anchor is null ? "" : $"; holds the anchor's entry {anchor.Sequence}"));
                if (result.FirstBreak is { } broken) o.WriteLine($"audit trail broken at entry {broken.Sequence}: {broken.Reason}");
                if (result.Differences.Count > 0) o.WriteLine($"the tables differ from the audit trail in {result.Differences.Count} places:");
                foreach (var difference in result.Differences) o.WriteLine("  " + difference);
            });
            return result.Intact ? ExitCodes.Success : ExitCodes.Failure;
        });
        var anchor = new Command("anchor", "print the head of the audit trail as an anchor file, to keep outside the database").Runs(async run =>
        {
            var head = await run.Send(new AnchorAudit());
            run.Print(head, o => o.Write(head.ToFileText()));
            return ExitCodes.Success;
        });
        var admin = CommandBuilding.ActingUser();
        var baseline = new Command("baseline", "once after upgrading a database from before every table was audited: enter the records the trail has not seen as found").With(admin).Runs(async run =>
        {
            var recorded = await run.Send(new BaselineAudit(run.Parse.GetValue(admin)!));
            run.Print(new { recorded }, o => o.WriteLine($"entered {recorded} records as found"));
            return ExitCodes.Success;
        });
        return new Command("audit", "the audit trail").With(verify, anchor, baseline);
    }
}
