using System.CommandLine;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Cli.Commands;

internal static class StepCommands
{
    private static readonly Dictionary<string, Decision> Decisions = new()
    {
        ["approve"] = Decision.Approve,
        ["request-changes"] = Decision.RequestChanges,
        ["reject"] = Decision.Reject,
    };

    public static Command Build()
    {
        var actor = CommandBuilding.ActingUser();
        var stepId = new Argument<int>("STEP-ID") { Description = "the step's id, as `step list` shows it" };
        var decision = new Argument<string>("DECISION") { Description = "approve, request-changes or reject" };
        decision.AcceptOnlyFromAmong([.. Decisions.Keys]);
        var comment = new Option<string>("--comment") { Description = "why; required for every decision", Required = true };
        var to = new Option<string>("--to") { Description = "the user who takes the step over", Required = true };

        var list = new Command("list", "the open steps this user may decide").With(actor).Runs(async run =>
        {
            var steps = await run.Send(new ListSteps(run.Parse.GetValue(actor)!));
            run.Print(steps.Select(s => new { s.Id, s.Proposal, s.Stage, s.Nation, s.Role, s.Due }), o =>
            {
                if (steps.Count == 0) o.WriteLine("no open steps");
                foreach (var s in steps)
                    o.WriteLine($"{s.Id,5}  {s.Proposal,-24} {s.StageName} for {Words.Nation(s.Nation)}, {Words.Role(s.Role)}: due {Words.Time(s.Due)}"
                                + (s.EscalatedTo is null ? "" : $"; overdue, escalated to the {Words.Role(s.EscalatedTo)}"));
            });
            return ExitCodes.Success;
        });

        var decide = new Command("decide", "approve, request changes or reject a step").With(stepId, decision, comment, actor).Runs(async run =>
        {
            var p = run.Parse;
            var result = await run.Send(new DecideStep(p.GetValue(stepId), Decisions[p.GetValue(decision)!], p.GetValue(comment)!, p.GetValue(actor)!));
            run.Print(result, o =>
            {
                o.WriteLine($"step {result.Step.Id}, {result.Step.StageName} for {Words.Nation(result.Step.Nation)}: {Words.Of(result.Step.Status)}; proposal {result.Step.Proposal} is {Words.Of(result.ProposalStatus)}");
                foreach (var s in result.Opened) o.WriteLine($"  opened step {s.Id}, {s.StageName} for {Words.Nation(s.Nation)}, {Words.Role(s.Role)}: due {Words.Time(s.Due)}");
            });
            return ExitCodes.Success;
        });

        var delegateStep = new Command("delegate", "hand a step to another user of the same nation and role").With(stepId, to, actor).Runs(async run =>
        {
            var p = run.Parse;
            var step = await run.Send(new DelegateStep(p.GetValue(stepId), p.GetValue(to)!, p.GetValue(actor)!));
            run.Print(step, o => o.WriteLine($"step {step.Id}, {step.StageName} for {Words.Nation(step.Nation)}: delegated to {step.AssigneeName}"));
            return ExitCodes.Success;
        });

        var reassign = new Command("reassign", "an administrator gives an open step to a named user of the step's nation").With(stepId, to, actor).Runs(async run =>
        {
            var p = run.Parse;
            var step = await run.Send(new ReassignStep(p.GetValue(stepId), p.GetValue(to)!, p.GetValue(actor)!));
            run.Print(step, o => o.WriteLine($"step {step.Id}, {step.StageName} for {Words.Nation(step.Nation)}: reassigned to {step.AssigneeName}"));
            return ExitCodes.Success;
        });

        return new Command("step", "workflow steps awaiting decisions").With(list, decide, delegateStep, reassign);
    }
}
