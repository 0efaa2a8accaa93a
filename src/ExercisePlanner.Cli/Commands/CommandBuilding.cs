using System.CommandLine;

namespace ExercisePlanner.Cli.Commands;

internal static class CommandBuilding
{
    public static Command With(this Command command, params Symbol[] symbols)
    {
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument: command.Arguments.Add(argument); break;
                case Option option: command.Options.Add(option); break;
                case Command sub: command.Subcommands.Add(sub); break;
            }
        }
        return command;
    }

    public static Command Runs(this Command command, Func<Invocation, Task<int>> body)
    {
        command.SetAction((parse, _) => Invocation.RunAsync(parse, body));
        return command;
    }

    /// <summary><c>--as USER</c>: who makes the request.</summary>
    public static Option<string> ActingUser() => new("--as") { Description = "the user making the request", Required = true };
}
