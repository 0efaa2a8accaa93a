using ExercisePlanner.Core.Features.Calendar;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages;

public sealed class NotificationsModel(IMediator mediator) : PlannerPage(mediator)
{
    [FromQuery] public bool Unread { get; set; }

    public NotificationList List { get; private set; } = new(0, []);
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;
    public bool HasCalendarFeed { get; private set; }
    /// <summary>Shown once, right after it was made: only its hash is kept.</summary>
    public string? NewCalendarUrl { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public Task<IActionResult> OnPostReadAsync(int id) => Attempt(async () =>
    {
        await Mediator.Send(new MarkNotificationsRead(Actor, id));
        return RedirectToPage(new { Unread });
    });

    public Task<IActionResult> OnPostReadAllAsync() => Attempt(async () =>
    {
        await Mediator.Send(new MarkNotificationsRead(Actor));
        return RedirectToPage(new { Unread });
    });

    public Task<IActionResult> OnPostCalendarAsync() => Attempt(async () =>
    {
        NewCalendarUrl = NotificationEndpoints.CalendarUrl(Request, await Mediator.Send(new CreateCalendarFeed(Actor)));
        await LoadAsync();
        return Page();
    });

    public Task<IActionResult> OnPostRevokeCalendarAsync() => Attempt(async () =>
    {
        await Mediator.Send(new RevokeCalendarFeed(Actor));
        return RedirectToPage(new { Unread });
    });

    protected override Task OnRefusedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        List = await Mediator.Send(new ListNotifications(Actor, Unread));
        HasCalendarFeed = await Mediator.Send(new CalendarFeedStatus(Actor));
    }
}
