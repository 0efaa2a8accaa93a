using System.CommandLine;
using ExercisePlanner.Core.Features.Users;

namespace ExercisePlanner.Cli.Commands;

internal static class UserCommands
{
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "unique user name, e.g. jor.approver" };
        var nation = new Option<string>("--nation") { Description = "ISO 3166-1 alpha-3 code", Required = true };
        var roles = new Option<string[]>("--role") { Description = "a role workflow steps ask for; repeat for more", Required = true };
        var title = new Option<string?>("--title") { Description = "rank and appointment, printed in signature blocks" };

        var add = new Command("add", "add a user").With(name, nation, roles, title).Runs(async run =>
        {
            var p = run.Parse;
            var user = await run.Send(new AddUser(p.GetValue(name)!, p.GetValue(nation)!, p.GetValue(roles)!, p.GetValue(title) ?? ""));
            run.Print(user, o => o.WriteLine($"added {user.Name} ({user.Nation}; {string.Join(", ", user.Roles)})"));
            return ExitCodes.Success;
        });
        return new Command("user", "manage users").With(add);
    }
}
