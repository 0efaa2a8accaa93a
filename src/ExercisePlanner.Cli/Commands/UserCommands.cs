using System.CommandLine;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;

namespace ExercisePlanner.Cli.Commands;

internal static class UserCommands
{
    public static Command Build()
    {
        var name = new Argument<string>("NAME") { Description = "unique user name, e.g. jor.approver" };
        var nation = new Option<string>("--nation") { Description = "ISO 3166-1 alpha-3 code", Required = true };
        var roles = new Option<string[]>("--role") { Description = "a role workflow steps ask for; repeat for more", Required = true };
        var title = new Option<string?>("--title") { Description = "appointment, printed under the name in signature blocks" };
        var displayName = new Option<string?>("--display-name") { Description = "rank and name as people know them, e.g. \"Brig Gen Khaled Al-Masri\"" };

        var email = new Option<string?>("--email") { Description = "where e-mail notifications go" };
        var mail = MailOption();
        var add = new Command("add", "add a user").With(name, nation, roles, title, displayName, email, mail).Runs(async run =>
        {
            var p = run.Parse;
            var user = await run.Send(new AddUser(p.GetValue(name)!, p.GetValue(nation)!, p.GetValue(roles)!, p.GetValue(title) ?? "")
            {
                DisplayName = p.GetValue(displayName) ?? "", Email = p.GetValue(email), MailPreference = MailPreferences[p.GetValue(mail)!],
            });
            run.Print(user, o => o.WriteLine($"added {user.Name} ({user.Nation}; {string.Join(", ", user.Roles)})"));
            return ExitCodes.Success;
        });
        var actor = CommandBuilding.ActingUser();
        var setMail = new Command("mail", "an administrator sets a user's e-mail address and mail preference")
            .With(name, email, mail, actor).Runs(async run =>
        {
            var p = run.Parse;
            var user = await run.Send(new SetUserMail(p.GetValue(name)!, p.GetValue(email), MailPreferences[p.GetValue(mail)!], p.GetValue(actor)!));
            run.Print(user, o => o.WriteLine($"{user.Name}: {user.Email ?? "no e-mail address"}; {p.GetValue(mail)}"));
            return ExitCodes.Success;
        });
        var deactivate = new Command("deactivate", "an administrator deactivates a user: no more sign-in, sessions and tokens end, handed steps return to the Stuck-steps list")
            .With(name, actor).Runs(async run =>
        {
            var user = await run.Send(new DeactivateUser(run.Parse.GetValue(name)!, run.Parse.GetValue(actor)!));
            run.Print(user, o => o.WriteLine($"deactivated {user.Name} of {Words.Nation(user.Nation)} on {Words.Time(user.DeactivatedAt!.Value)}"));
            return ExitCodes.Success;
        });
        return new Command("user", "manage users").With(add, setMail, deactivate, RoleCommand(name, actor));
    }

    /// <summary><c>user role add|remove NAME ROLE --as ADMIN</c>.</summary>
    private static Command RoleCommand(Argument<string> name, Option<string> actor)
    {
        var role = new Argument<string>("ROLE") { Description = "a role workflow steps ask for, e.g. legal-advisor" };
        Command Change(string verb, bool holds, string description) => new Command(verb, description).With(name, role, actor).Runs(async run =>
        {
            var p = run.Parse;
            var user = await run.Send(new SetUserRole(p.GetValue(name)!, p.GetValue(role)!, holds, p.GetValue(actor)!));
            run.Print(user, o => o.WriteLine($"{user.Name} of {Words.Nation(user.Nation)} {(holds ? "now holds" : "no longer holds")} the {Words.Role(p.GetValue(role)!)} role; roles: {string.Join(", ", user.Roles.Select(Words.Role))}"));
            return ExitCodes.Success;
        });
        return new Command("role", "an administrator gives a user a role or takes it away")
            .With(Change("add", true, "give a user a role"), Change("remove", false, "take a role away from a user (steps of that role delegated to them return to its other holders)"));
    }

    private static readonly Dictionary<string, MailPreference> MailPreferences = new()
    {
        ["each-event"] = MailPreference.EachEvent,
        ["daily-digest"] = MailPreference.DailyDigest,
        ["none"] = MailPreference.None,
    };

    private static Option<string> MailOption()
    {
        var option = new Option<string>("--mail") { Description = "each-event, daily-digest or none", DefaultValueFactory = _ => "each-event" };
        option.AcceptOnlyFromAmong([.. MailPreferences.Keys]);
        return option;
    }
}
