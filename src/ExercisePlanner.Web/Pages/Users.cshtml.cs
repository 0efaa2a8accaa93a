using ExercisePlanner.Core.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Words = ExercisePlanner.Core.Common.Words;

namespace ExercisePlanner.Web.Pages;

/// <summary>Administrators see every user, give and take away roles, and deactivate users who leave.</summary>
[Authorize(Policy = WebSetup.AdminPolicy)]
public sealed class UsersModel(IMediator mediator, UserManager<IdentityUser> accounts) : PlannerPage(mediator)
{
    public UserDirectory Directory { get; private set; } = new([], []);

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostDeactivateAsync(string name) => Attempt(async () =>
    {
        var user = await Mediator.Send(new DeactivateUser(name ?? "", Actor));
        await Accounts.Accounts.EndSessionsAsync(accounts, user.Name);
        return await ShowAsync($"{Label(user)} is deactivated: signed out everywhere, and any step handed to them is back on the Stuck-steps list.");
    });

    public Task<IActionResult> OnPostGiveRoleAsync(string name, string role) => Attempt(async () =>
    {
        var user = await Mediator.Send(new SetUserRole(name ?? "", role ?? "", Holds: true, Actor));
        return await ShowAsync($"{Label(user)} now holds the {Words.Role(role!)} role.");
    });

    public Task<IActionResult> OnPostTakeRoleAsync(string name, string role) => Attempt(async () =>
    {
        var user = await Mediator.Send(new SetUserRole(name ?? "", role ?? "", Holds: false, Actor));
        return await ShowAsync($"{Label(user)} no longer holds the {Words.Role(role!)} role.");
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    public static string Label(UserView user) => new PersonView(user.Name, user.DisplayName, user.Title, user.Nation, user.Roles).Label;

    private async Task<IActionResult> ShowAsync(string message)
    {
        Message = message;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Directory = await Mediator.Send(new ListUsers(Actor));
}
