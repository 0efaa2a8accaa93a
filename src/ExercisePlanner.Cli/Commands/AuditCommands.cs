using System.CommandLine;
using ExercisePlanner.Core.Features.Audit;

namespace ExercisePlanner.Cli.Commands;

internal static class AuditCommands
{
    public static Command Build()
    {
        var verify = new Command("verify", "check the hash chain of the audit trail").Runs(async run =>
        {
            var result = await run.Send(new VerifyAudit());
            run.Print(result, o => o.WriteLine(result.Intact
                ? $"audit trail intact: {result.Entries} entries, head {result.HeadHash}"
                : $"audit trail broken at entry {result.FirstBreak!.Sequence}: {result.FirstBreak.Reason}"));
            return result.Intact ? ExitCodes.Success : ExitCodes.Failure;
        });
        return new Command("audit", "the audit trail").With(verify);
    }
}
