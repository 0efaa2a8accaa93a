using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>The exercises and planning conferences of one month that the viewer may see, by date.</summary>
public sealed record ShowCalendar(string Viewer, int Year, int Month) : IQuery<IReadOnlyList<CalendarEntry>>;

/// <param name="Conference">The kind of planning conference; null for the exercise itself.</param>
public sealed record CalendarEntry(string Code, string Name, ConferenceKind? Conference, DateOnly Start, DateOnly End, string Location, ProposalStatus Status);

public sealed class ShowCalendarValidator : JsonValidator<ShowCalendar>
{
    public ShowCalendarValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100).WithMessage("Month: choose a year from 2000 to 2100");
        RuleFor(q => q.Month).InclusiveBetween(1, 12).WithMessage("Month: choose a month from 1 to 12");
    }
}

public sealed class ShowCalendarHandler(PlannerDbContext db) : IQueryHandler<ShowCalendar, IReadOnlyList<CalendarEntry>>
{
    /// <summary>How far ahead of an exercise its conferences are looked for: planning starts about a year before.</summary>
    private const int PlanningYears = 2;

    public async ValueTask<IReadOnlyList<CalendarEntry>> Handle(ShowCalendar query, CancellationToken cancellationToken)
    {
        var viewer = await db.ViewerAsync(query.Viewer, cancellationToken);
        var first = new DateOnly(query.Year, query.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var seen = db.Proposals.AsNoTracking().SeenBy(viewer);

        // Name and dates are list columns anyone who sees the proposal may read; the location and the
        // conferences are content, shown only where the proposal is releasable to the viewer's nation.
        var exercises = (await seen.Where(p => p.StartDate <= last && p.EndDate >= first).ToListAsync(cancellationToken))
            .Select(p => new CalendarEntry(p.Code, p.Name, null, p.StartDate, p.EndDate, viewer.MaySeeContent(p) ? p.Content.Location : "", p.Status));
        // Only proposals that start after the month's first day can hold a conference in it.
        var planned = (await seen.Where(p => p.StartDate >= first && p.StartDate <= last.AddYears(PlanningYears)).ToListAsync(cancellationToken))
            .Where(viewer.MaySeeContent);
        var conferences = planned.SelectMany(p => p.Content.Conferences
            .Where(c => c.Date >= first && c.Date <= last)
            .Select(c => new CalendarEntry(p.Code, p.Name, c.Kind, c.Date, c.Date, c.Location, p.Status)));
        return [.. exercises.Concat(conferences).OrderBy(e => e.Start).ThenBy(e => e.Code)];
    }
}
