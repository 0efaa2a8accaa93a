using ExercisePlanner.Core.Features.Notifications;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages.Shared;

/// <summary>The bell in the header: a link to the notifications page with the number unread.</summary>
public sealed class NotificationBellViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity?.Name is not { } name) return Content("");
        return View(await mediator.Send(new CountUnreadNotifications(name)));
    }
}
