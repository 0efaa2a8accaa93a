using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.AspNetCore.Identity;

namespace ExercisePlanner.Web.Accounts;

/// <summary>
/// First start on an empty database. In Development (unless Demo:Seed is false): the demo staff with the
/// development password, and one proposal in flight. Elsewhere no default password exists: the first
/// admin comes from configuration (Admin:UserName, Admin:Nation, Admin:Password).
/// </summary>
public sealed class DemoSeed(IsolatedSender sender, UserManager<IdentityUser> accounts, TimeProvider clock, ILogger<DemoSeed> logger)
{
    public const string DevelopmentPassword = "Exercise-2027";

    public async Task SeedAsync(IHostEnvironment environment, IConfiguration config)
    {
        if (accounts.Users.Any()) return;
        if (environment.IsDevelopment() && config.GetValue("Demo:Seed", true))
        {
            await SeedDemoAsync();
            return;
        }
        if (config["Admin:UserName"] is { Length: > 0 } name && config["Admin:Password"] is { Length: > 0 } password)
        {
            await Accounts.RequireValidPasswordAsync(accounts, name, password);
            await sender.Send(new AddUser(name, config["Admin:Nation"] ?? "USA", [User.Admin], "Administrator"));
            await Accounts.CreateAsync(accounts, name, password);
            logger.LogInformation("Created the first administrator, {Name}, from configuration", name);
        }
    }

    private async Task SeedDemoAsync()
    {
        var proposals = await sender.Send(new ListProposals());
        foreach (var user in DemoData.Users)
        {
            try { await sender.Send(user); }
            catch (ConflictException) { } // the record exists (the CLI demo ran here); add the account only
            await Accounts.CreateAsync(accounts, user.Name, DevelopmentPassword);
        }
        if (proposals.Count > 0) return;

        var content = DemoData.Proposal(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        await sender.Send(new ImportProposal(content, DemoData.Coordinator, "demo"));
        await sender.Send(new SubmitProposal(content.Code, DemoData.Coordinator));
        var jordan = (await sender.Send(new ListSteps("jor.approver"))).First();
        await sender.Send(new DecideStep(jordan.Id, Decision.Approve, "Jordan concurs; facilities confirmed for the dates.", "jor.approver"));
        logger.LogInformation("Seeded demo staff (password {Password}) and proposal {Code} in national review", DevelopmentPassword, content.Code);
    }
}
