using System.CommandLine;
using ExercisePlanner.Cli.Commands;

namespace ExercisePlanner.Cli;

/// <summary>The command tree of the contract; each command only translates its arguments into mediator requests.</summary>
public static class PlannerCommandLine
{
    public static readonly Option<string?> Database = new("--db")
    {
        Description = "SQLite database file (default: $EXERCISEPLANNER_DB, else ./exerciseplanner.db)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "print machine-readable JSON",
        Recursive = true,
    };

    public static readonly Option<string?> Workflows = new("--workflows")
    {
        Description = "folder of workflow definitions (default: $EXERCISEPLANNER_WORKFLOWS, else ./workflows, else the shipped ones)",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("ExercisePlanner: joint exercise proposals from draft to signed paperwork");
        root.Options.Add(Database);
        root.Options.Add(Json);
        root.Options.Add(Workflows);
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(UserCommands.Build());
        root.Subcommands.Add(ProposalCommands.Build());
        root.Subcommands.Add(StepCommands.Build());
        root.Subcommands.Add(WorkflowCommands.Build());
        root.Subcommands.Add(TimerCommands.Build());
        root.Subcommands.Add(NotificationCommands.Build());
        root.Subcommands.Add(NotificationCommands.BuildMail());
        root.Subcommands.Add(DocumentCommands.Build());
        root.Subcommands.Add(AuditCommands.Build());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // The contract wants one line and exit 2 for bad input, not the library's help page.
            error.WriteLine($"error: {parse.Errors[0].Message} (see --help)");
            return ExitCodes.BadInput;
        }
        Invocation.Output.Value = output;
        Invocation.Error.Value = error;
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
