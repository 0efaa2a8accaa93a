using System.CommandLine;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Workflows;

namespace ExercisePlanner.Cli.Commands;

internal static class WorkflowCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "workflow definition (JSON)" };
        var code = new Argument<string>("CODE") { Description = "proposal code" };
        var id = new Argument<string>("ID") { Description = "workflow id, e.g. exercise-approval" };

        var validate = new Command("validate", "check a definition against the schema and the rules").With(file).Runs(async run =>
        {
            var path = run.Parse.GetValue(file)!;
            var problems = await run.Send(new ValidateWorkflow(path.Name, await File.ReadAllTextAsync(path.FullName)));
            run.Print(problems.Select(p => p.ToString()), o =>
            {
                if (problems.Count == 0) o.WriteLine($"{path.Name}: valid");
            });
            foreach (var problem in problems) Invocation.Error.Value?.WriteLine(problem);
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });

        var plan = new Command("plan", "dry run: the steps a proposal will need and its earliest full approval").With(code).Runs(async run =>
        {
            var result = await run.Send(new PlanWorkflow(run.Parse.GetValue(code)!));
            run.Print(result, o =>
            {
                o.WriteLine($"{result.Proposal}: {Words.Workflow(result.WorkflowName, result.Version)}, planned from {Words.Date(result.From)}");
                if (result.Changed.Count > 0)
                    o.WriteLine($"  this amendment changes {string.Join(", ", result.Changed.Select(ProposalChanges.InWords))}; nations affected: " +
                                (result.NationsAffected.Count == 0 ? "none" : string.Join(", ", result.NationsAffected.Select(Words.Nation))));
                foreach (var stage in result.Stages)
                {
                    var when = stage.RunsWhen is null ? "" : $" ({stage.RunsWhen})";
                    o.WriteLine(stage.Applies
                        ? $"  {stage.Name}{when}: {stage.Needs} {Words.Diagram.Due(stage.Due)}, by {Words.Date(stage.DueBy!.Value)}"
                        : $"  {stage.Name}{when}: skipped");
                    if (stage.Applies)
                        foreach (var step in stage.Steps) o.WriteLine($"    {Words.Nation(step.Nation)}, {Words.Role(step.Role)}");
                }
                o.WriteLine($"earliest full approval: {Words.Date(result.EarliestApproval)}");
                foreach (var missing in result.Unstaffed) o.WriteLine($"cannot be submitted yet: {missing.Sentence}");
                if (result.Unstaffed.Count > 0) o.WriteLine(Staffing.Ask(result.Administrators));
                o.WriteLine($"on request for changes: {result.WhenChangesRequested}");
            });
            return ExitCodes.Success;
        });

        var diagram = new Command("diagram", "print a definition as a Mermaid flowchart").With(id).Runs(async run =>
        {
            var mermaid = await run.Send(new DiagramWorkflow(run.Parse.GetValue(id)!));
            run.Print(new { mermaid }, o => o.Write(mermaid));
            return ExitCodes.Success;
        });

        var actor = CommandBuilding.ActingUser();
        var publish = new Command("publish", "store a definition as a new published version (running approvals stay on theirs)").With(file, actor).Runs(async run =>
        {
            var path = run.Parse.GetValue(file)!;
            var published = await run.Send(new SaveWorkflow(await File.ReadAllTextAsync(path.FullName), run.Parse.GetValue(actor)!, Publish: true, Source: path.Name));
            run.Print(published, o => o.WriteLine($"published {published.Id} version {published.Version}: new submissions take it"));
            return ExitCodes.Success;
        });

        var from = new Option<int>("--from") { Description = "the version the approvals run on", Required = true };
        var to = new Option<int>("--to") { Description = "the version to move them to", Required = true };
        var instances = new Option<string[]>("--instances") { Description = "only the approvals of these proposals (codes)", AllowMultipleArgumentsPerToken = true };
        var map = new Option<string[]>("--map") { Description = "OLD=NEW: the stage of the new version an approval at stage OLD goes to", AllowMultipleArgumentsPerToken = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "only show what would happen to each approval" };
        var migrate = new Command("migrate", "move running approvals to another version of their workflow")
            .With(id, from, to, instances, map, dryRun, actor).Runs(async run =>
        {
            var report = await run.Send(new MigrateWorkflow(run.Parse.GetValue(id)!, run.Parse.GetValue(from), run.Parse.GetValue(to),
                run.Parse.GetValue(instances) ?? [], StageMap.Parse(run.Parse.GetValue(map) ?? [], "--map"), run.Parse.GetValue(dryRun), run.Parse.GetValue(actor)!));
            run.Print(report, o => MigrationText.Write(o, report));
            var refused = report.Refused.ToList();
            if (refused.Count == 0) return ExitCodes.Success;
            Invocation.Error.Value?.WriteLine($"error: {refused.Count} approval(s) cannot be mapped to version {report.To} without --map OLD=NEW ({string.Join(", ", refused.Select(r => r.Proposal))}); nothing was migrated");
            return ExitCodes.BadInput;
        });

        return new Command("workflow", "approval workflow definitions").With(validate, plan, diagram, publish, migrate);
    }
}
