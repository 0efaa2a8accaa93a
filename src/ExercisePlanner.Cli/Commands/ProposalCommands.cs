using System.CommandLine;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Discussion;
using ExercisePlanner.Core.Features.Proposals;

namespace ExercisePlanner.Cli.Commands;

internal static class ProposalCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "proposal file (JSON)" };
        var code = new Argument<string>("CODE") { Description = "proposal code" };
        var actor = CommandBuilding.ActingUser();

        var import = new Command("import", "create or update a draft from a proposal file").With(file, actor).Runs(async run =>
        {
            var path = run.Parse.GetValue(file)!;
            var content = JsonFormat.Read<ProposalContent>(await File.ReadAllTextAsync(path.FullName), path.Name);
            var result = await run.Send(new ImportProposal(content, run.Parse.GetValue(actor)!, path.Name));
            run.Print(result, o => o.WriteLine($"{(result.Created ? "created" : "updated")} draft {result.Code} (revision {result.Revision}, {result.Status})"));
            return ExitCodes.Success;
        });

        var submit = new Command("submit", "validate and submit for approval").With(code, actor).Runs(async run =>
        {
            var result = await run.Send(new SubmitProposal(run.Parse.GetValue(code)!, run.Parse.GetValue(actor)!));
            run.Print(result, o => o.WriteLine($"submitted {result.Code} revision {result.Revision}: {result.Status}"));
            return ExitCodes.Success;
        });

        var reason = new Option<string?>("--reason") { Description = "why it is withdrawn; kept with the proposal and in its history" };
        var withdraw = new Command("withdraw", "withdraw a submitted proposal").With(code, actor, reason).Runs(async run =>
        {
            var result = await run.Send(new WithdrawProposal(run.Parse.GetValue(code)!, run.Parse.GetValue(actor)!, run.Parse.GetValue(reason)));
            run.Print(result, o => o.WriteLine($"withdrew {result.Code}: {result.Status}"));
            return ExitCodes.Success;
        });

        var amend = new Command("amend", "open an amendment of an approved proposal: a new draft revision; the approved one stays in force").With(code, actor).Runs(async run =>
        {
            var result = await run.Send(new AmendProposal(run.Parse.GetValue(code)!, run.Parse.GetValue(actor)!));
            run.Print(result, o => o.WriteLine($"opened amendment {result.Amendment} of {result.Code} as a draft; revision {result.InForceRevision} stays in force until it is approved"));
            return ExitCodes.Success;
        });

        var reopen = new Command("reopen", "turn a withdrawn or rejected proposal back into a draft").With(code, actor).Runs(async run =>
        {
            var result = await run.Send(new ReopenProposal(run.Parse.GetValue(code)!, run.Parse.GetValue(actor)!));
            run.Print(result, o => o.WriteLine($"reopened {result.Code} as a draft; submitting it makes revision {result.Revision + 1}"));
            return ExitCodes.Success;
        });

        var list = new Command("list", "list proposals").Runs(async run =>
        {
            var proposals = await run.Send(new ListProposals());
            run.Print(proposals, o =>
            {
                if (proposals.Count == 0) o.WriteLine("no proposals");
                foreach (var p in proposals)
                    o.WriteLine($"{p.Code,-24} {Words.Of(p.Status),-18} revision {p.Revision,-3} {Words.Date(p.StartDate)} to {Words.Date(p.EndDate)}  {p.Name} · {Words.Of(p.Type)}");
            });
            return ExitCodes.Success;
        });

        var revision = new Option<int?>("--revision") { Description = "show the content as submitted in this revision" };
        var show = new Command("show", "show a proposal with its workflow status, open steps and history").With(code, revision).Runs(async run =>
        {
            var details = await run.Send(new ShowProposal(run.Parse.GetValue(code)!, run.Parse.GetValue(revision)));
            run.Print(details, o => ProposalText.Write(o, details));
            return ExitCodes.Success;
        });

        var from = new Option<int>("--from") { Description = "the earlier revision", Required = true };
        var to = new Option<int>("--to") { Description = "the later revision", Required = true };
        var diff = new Command("diff", "what changed between two revisions, field by field and row by row").With(code, from, to).Runs(async run =>
        {
            var p = run.Parse;
            var comparison = await run.Send(new CompareRevisions(p.GetValue(code)!, p.GetValue(from), p.GetValue(to)));
            run.Print(comparison, o => ProposalText.Write(o, comparison));
            return ExitCodes.Success;
        });

        var text = new Option<string>("--text") { Description = "the comment (at most 2,000 characters)", Required = true };
        var comment = new Command("comment", "add a comment (not a decision) to a proposal's discussion").With(code, text, actor).Runs(async run =>
        {
            var p = run.Parse;
            var added = await run.Send(new CommentOnProposal(p.GetValue(code)!, p.GetValue(text)!, p.GetValue(actor)!));
            run.Print(added, o => o.WriteLine($"commented on {added.Proposal} revision {added.Revision}"));
            return ExitCodes.Success;
        });

        return new Command("proposal", "draft, submit and follow exercise proposals").With(import, submit, withdraw, reopen, amend, list, show, diff, comment);
    }
}
