using System.Security.Cryptography;
using System.Text;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using IcalCalendar = Ical.Net.Calendar;

namespace ExercisePlanner.Core.Features.Calendar;

/// <summary>
/// A user's private calendar feed (<c>/calendar/{token}.ics</c>): the due dates of the steps they may decide, and
/// the exercise dates and planning conferences of the proposals they may see. The address's secret is the only
/// credential (calendar programs cannot sign in), so only its hash is stored and making a new one revokes the old.
/// </summary>
public sealed record CreateCalendarFeed(string Actor) : ICommand<string>, IActorRequest;

public sealed record RevokeCalendarFeed(string Actor) : ICommand, IActorRequest;

public sealed record ReadCalendarFeed(string Token) : IQuery<string>;

public sealed record CalendarFeedStatus(string Actor) : IQuery<bool>;

public sealed class CreateCalendarFeedHandler(PlannerDbContext db) : ICommandHandler<CreateCalendarFeed, string>
{
    public async ValueTask<string> Handle(CreateCalendarFeed command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(command.Actor, cancellationToken);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        user.SetCalendarTokenHash(CalendarFeed.HashOf(token));
        return token;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed class RevokeCalendarFeedHandler(PlannerDbContext db) : ICommandHandler<RevokeCalendarFeed>
{
    public async ValueTask<Unit> Handle(RevokeCalendarFeed command, CancellationToken cancellationToken)
    {
        var user = await db.RequireUserAsync(command.Actor, cancellationToken);
        user.SetCalendarTokenHash(null);
        return Unit.Value;
    }
}

public sealed class CalendarFeedStatusHandler(PlannerDbContext db) : IQueryHandler<CalendarFeedStatus, bool>
{
    public async ValueTask<bool> Handle(CalendarFeedStatus query, CancellationToken cancellationToken) =>
        await db.Users.AnyAsync(u => u.Name == query.Actor && u.CalendarTokenHash != null, cancellationToken);
}

public sealed class ReadCalendarFeedHandler(PlannerDbContext db, IMediator mediator, Mail.MailSettings mail, TimeProvider clock)
    : IQueryHandler<ReadCalendarFeed, string>
{
    public async ValueTask<string> Handle(ReadCalendarFeed query, CancellationToken cancellationToken)
    {
        var hash = CalendarFeed.HashOf(query.Token);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.CalendarTokenHash == hash, cancellationToken)
            ?? throw new NotFoundException("no calendar feed at this address; it may have been revoked");
        var calendar = CalendarFeed.NewCalendar($"ExercisePlanner — {PersonView.From(user).WithTitle}");
        foreach (var step in await mediator.Send(new ListSteps(user.Name), cancellationToken))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"step-{step.Id}@exerciseplanner",
                Summary = $"Due: {step.StageName} for {step.Proposal} ({Words.Nation(step.Nation)})",
                Start = new CalDateTime(step.Due.UtcDateTime),
                Duration = Duration.FromMinutes(30),
                Url = new Uri($"{mail.BaseUrl}/proposals/{Uri.EscapeDataString(step.Proposal)}#step-{step.Id}"),
            });
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var proposals = await db.Proposals.AsNoTracking().SeenBy(user)
            .Where(p => p.EndDate >= today.AddYears(-1) && p.Status != ProposalStatus.Withdrawn && p.Status != ProposalStatus.Rejected)
            .OrderBy(p => p.StartDate).Take(500).ToListAsync(cancellationToken);
        // Where the content is not releasable to the user's nation, the exercise's header only: no location, no conferences.
        foreach (var proposal in proposals) CalendarFeed.AddProposal(calendar, proposal, mail.BaseUrl, withExercise: true, withContent: user.MaySeeContent(proposal));
        return CalendarFeed.Serialize(calendar);
    }
}

public static class CalendarFeed
{
    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The planning conferences of a proposal as an invitation attached to mail; null if it has none.</summary>
    public static string? Invitation(Proposal proposal)
    {
        if (proposal.Content.Conferences.Count == 0) return null;
        var calendar = NewCalendar($"{proposal.Code} planning conferences");
        AddProposal(calendar, proposal, baseUrl: null, withExercise: false);
        return Serialize(calendar);
    }

    internal static IcalCalendar NewCalendar(string name)
    {
        var calendar = new IcalCalendar { ProductId = "-//ExercisePlanner//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        return calendar;
    }

    internal static void AddProposal(IcalCalendar calendar, Proposal proposal, string? baseUrl, bool withExercise, bool withContent = true)
    {
        var c = proposal.Content;
        var marking = c.Classification.Name();
        var url = baseUrl is null ? null : new Uri($"{baseUrl}/proposals/{Uri.EscapeDataString(proposal.Code)}");
        if (withExercise)
            calendar.Events.Add(AllDay($"{proposal.Code}-exercise", $"[{marking}] {c.Name} ({proposal.Code})", c.StartDate, c.EndDate, withContent ? c.Location : "", url));
        foreach (var conference in withContent ? c.Conferences : [])
            calendar.Events.Add(AllDay($"{proposal.Code}-{conference.Kind}-{conference.Date:yyyyMMdd}",
                $"[{marking}] {Words.Of(conference.Kind)}: {c.Name} ({proposal.Code})", conference.Date, conference.Date, conference.Location, url));
    }

    /// <summary>An event over whole days, <paramref name="last"/> included (iCalendar's end is exclusive).</summary>
    private static CalendarEvent AllDay(string uid, string summary, DateOnly first, DateOnly last, string location, Uri? url) => new()
    {
        Uid = $"{uid}@exerciseplanner",
        Summary = summary,
        Start = new CalDateTime(first.Year, first.Month, first.Day),
        End = new CalDateTime(last.Year, last.Month, last.Day).AddDays(1),
        Location = location,
        Url = url,
    };

    internal static string Serialize(IcalCalendar calendar) => new CalendarSerializer().SerializeToString(calendar)!;
}
