using System.Security.Claims;
using ExercisePlanner.Core.Features.Calendar;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Domain;
using Mediator;
using static ExercisePlanner.Web.Accounts.Accounts;

namespace ExercisePlanner.Web.Api;

/// <summary>Notifications, the outbox, users' mail settings and the calendar feed; each endpoint sends one mediator request.</summary>
public static class NotificationEndpoints
{
    public sealed record MailSettingsRequest(string? Email, MailPreference MailPreference);

    public static void MapNotificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapGet("/notifications", (bool? unread, int? limit, IMediator m, ClaimsPrincipal user) =>
                m.Send(new ListNotifications(NameOf(user), unread ?? false, limit)))
            .WithSummary("The user's notifications, newest first, with the number unread");
        api.MapPost("/notifications/{id:int}/read", async (int id, IMediator m, ClaimsPrincipal user) =>
                new { Unread = await m.Send(new MarkNotificationsRead(NameOf(user), id)) })
            .WithSummary("Mark one notification read; answers how many remain unread");
        api.MapPost("/notifications/read", async (IMediator m, ClaimsPrincipal user) =>
                new { Unread = await m.Send(new MarkNotificationsRead(NameOf(user))) })
            .WithSummary("Mark all the user's notifications read");

        api.MapGet("/outbox", (MailStatus? status, IMediator m, ClaimsPrincipal user) => m.Send(new ListOutbox(NameOf(user), status)))
            .RequireAuthorization(WebSetup.AdminPolicy).WithSummary("The newest e-mail in the outbox, with every delivery attempt (administrators)");
        api.MapPost("/outbox/{id:int}/retry", async (int id, IMediator m, ClaimsPrincipal user) =>
            {
                await m.Send(new RetryMail(id, NameOf(user)));
                return Results.NoContent();
            })
            .RequireAuthorization(WebSetup.AdminPolicy).WithSummary("Send a dead letter again (administrators)");
        api.MapPut("/users/{name}/mail", (string name, MailSettingsRequest body, IMediator m, ClaimsPrincipal user) =>
                m.Send(new SetUserMail(name, body.Email, body.MailPreference, NameOf(user))))
            .RequireAuthorization(WebSetup.AdminPolicy).WithSummary("Set a user's e-mail address and mail preference (administrators)");

        api.MapPost("/calendar", async (IMediator m, ClaimsPrincipal user, HttpRequest request) =>
                new { Url = CalendarUrl(request, await m.Send(new CreateCalendarFeed(NameOf(user)))) })
            .WithSummary("Make a new private calendar feed address (the old one stops working)");
        api.MapDelete("/calendar", async (IMediator m, ClaimsPrincipal user) =>
            {
                await m.Send(new RevokeCalendarFeed(NameOf(user)));
                return Results.NoContent();
            })
            .WithSummary("Revoke the calendar feed address");

        // The secret in the address is the credential: calendar programs cannot sign in.
        app.MapGet("/calendar/{token}.ics", async (string token, IMediator m) =>
                Results.Text(await m.Send(new ReadCalendarFeed(token)), "text/calendar; charset=utf-8"))
            .AllowAnonymous().WithSummary("A user's private calendar feed (iCalendar)");
    }

    public static string CalendarUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/calendar/{token}.ics";
}
