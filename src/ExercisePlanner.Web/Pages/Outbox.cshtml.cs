using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Users;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages;

/// <summary>Administrators read the mail the planner sends (or writes to the pickup folder), see failures, and retry dead letters.</summary>
[Authorize(Policy = WebSetup.AdminPolicy)]
public sealed class OutboxModel(IMediator mediator, MailSettings settings) : PlannerPage(mediator)
{
    [FromQuery] public bool Dead { get; set; }

    public IReadOnlyList<OutboxView> Messages { get; private set; } = [];
    public MailSettings Settings => settings;

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostRetryAsync(int id) => Attempt(async () =>
    {
        await Mediator.Send(new RetryMail(id, Actor));
        return RedirectToPage(new { Dead });
    });

    public Task<IActionResult> OnPostUserMailAsync(string name, string? email, MailPreference preference) => Attempt(async () =>
    {
        var user = await Mediator.Send(new SetUserMail(name ?? "", email, preference, Actor));
        Message = $"{UsersModel.Label(user)} now gets {Describe(user.MailPreference)}{(user.Email is null ? " (no e-mail address: the inbox only)" : $" at {user.Email}")}.";
        await LoadAsync();
        return Page();
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    private async Task LoadAsync() => Messages = await Mediator.Send(new ListOutbox(Actor, Dead ? MailStatus.DeadLetter : null));

    public static string Describe(MailPreference preference) => preference switch
    {
        MailPreference.EachEvent => "an e-mail for each event",
        MailPreference.DailyDigest => "one daily digest",
        _ => "no e-mail",
    };

    public static string Describe(MailStatus status) => status switch
    {
        MailStatus.Pending => "Waiting to be sent",
        MailStatus.Sent => "Sent",
        _ => "Failed: dead letter",
    };
}
