using System.CommandLine;
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
                o.WriteLine($"{result.Proposal}: workflow {result.Workflow} v{result.Version}, from {result.From:yyyy-MM-dd}");
                if (result.Changed.Count > 0)
                    o.WriteLine($"  amendment changes {string.Join(", ", result.Changed)}; nations affected: {(result.NationsAffected.Count == 0 ? "none" : string.Join(", ", result.NationsAffected))}");
                foreach (var stage in result.Stages)
                {
                    var when = stage.Condition is null ? "" : $" when {stage.Condition}";
                    o.WriteLine(stage.Applies
                        ? $"  {stage.Name}{when}: {stage.Completion}, due {stage.Due} -> by {stage.DueBy:yyyy-MM-dd}"
                        : $"  {stage.Name}{when}: skipped");
                    if (stage.Applies)
                        foreach (var step in stage.Steps) o.WriteLine($"    {step.Nation} {step.Role}");
                }
                o.WriteLine($"earliest full approval: {result.EarliestApproval:yyyy-MM-dd}");
            });
            return ExitCodes.Success;
        });

        var diagram = new Command("diagram", "print a definition as a Mermaid flowchart").With(id).Runs(async run =>
        {
            var mermaid = await run.Send(new DiagramWorkflow(run.Parse.GetValue(id)!));
            run.Print(new { mermaid }, o => o.Write(mermaid));
            return ExitCodes.Success;
        });

        return new Command("workflow", "approval workflow definitions").With(validate, plan, diagram);
    }
}
