using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Workflows.Runtime;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Notifications;

/// <summary>The user's notifications, newest first, with how many are unread (the bell's number).</summary>
public sealed record ListNotifications(string Actor, bool UnreadOnly = false, int? Limit = null) : IQuery<NotificationList>;

public sealed record NotificationList(int Unread, IReadOnlyList<NotificationView> Notifications);

public sealed record NotificationView(
    int Id, NotificationKind Kind, string What, string Proposal, string ProposalName, string Stage, string Headline,
    string Expected, DateTimeOffset? Due, string Link, DateTimeOffset CreatedAt, bool Read)
{
    /// <summary>False once the step it asks to decide is decided or cancelled: nothing is expected any more.</summary>
    public bool StillExpected { get; init; } = true;

    public static NotificationView From(Notification n) => new(n.Id, n.Kind, Words.Of(n.Kind), n.ProposalCode, n.ProposalName,
        n.Stage, n.Headline, n.Expected, n.DueAt, n.Link, n.CreatedAt, n.ReadAt is not null);
}

public sealed class ListNotificationsValidator : JsonValidator<ListNotifications>
{
    public ListNotificationsValidator() => RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
}

public sealed class ListNotificationsHandler(PlannerDbContext db) : IQueryHandler<ListNotifications, NotificationList>
{
    public async ValueTask<NotificationList> Handle(ListNotifications query, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(query.Actor, cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.Recipient == user.Name);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        if (query.UnreadOnly) mine = mine.Where(n => n.ReadAt == null);
        var list = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(query.Limit ?? Paging.MaxLimit).ToListAsync(cancellationToken);
        var stepIds = list.Where(n => n.StepId is not null).Select(n => n.StepId!.Value).Distinct().ToList();
        var closed = await db.WorkflowSteps.AsNoTracking().Where(s => stepIds.Contains(s.Id) && s.Status != StepStatus.Open)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        return new NotificationList(unread, list.Select(n => NotificationView.From(n) with
        {
            StillExpected = n.StepId is not { } step || !closed.Contains(step),
        }).ToList());
    }
}

/// <summary>The number on the bell: one count on the recipient's index.</summary>
public sealed record CountUnreadNotifications(string Actor) : IQuery<int>;

public sealed class CountUnreadNotificationsHandler(PlannerDbContext db) : IQueryHandler<CountUnreadNotifications, int>
{
    public async ValueTask<int> Handle(CountUnreadNotifications query, CancellationToken cancellationToken) =>
        await db.Notifications.CountAsync(n => n.Recipient == query.Actor && n.ReadAt == null, cancellationToken);
}
