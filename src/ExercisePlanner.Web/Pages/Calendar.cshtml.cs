using System.Globalization;
using ExercisePlanner.Core.Features.Proposals;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages;

/// <summary>A month of the exercises and planning conferences the user may see.</summary>
public sealed class CalendarModel(IMediator mediator, TimeProvider clock) : PlannerPage(mediator)
{
    /// <summary>"2027-03"; this month when absent or unreadable.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public DateOnly First { get; private set; }
    public IReadOnlyList<CalendarEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        First = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) is var today ? new DateOnly(today.Year, today.Month, 1) : default;
        Entries = await Mediator.Send(new ShowCalendar(Actor, First.Year, First.Month));
    }

    public string Title => First.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
    public static string MonthParameter(DateOnly first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The weeks shown, Monday first, padded with the neighbouring months' days.</summary>
    public IEnumerable<DateOnly[]> Weeks()
    {
        var start = First.AddDays(-(((int)First.DayOfWeek + 6) % 7));
        for (var monday = start; monday <= First.AddMonths(1).AddDays(-1); monday = monday.AddDays(7))
            yield return [.. Enumerable.Range(0, 7).Select(monday.AddDays)];
    }

    public IEnumerable<CalendarEntry> On(DateOnly day) => Entries.Where(e => e.Start <= day && e.End >= day);
}
