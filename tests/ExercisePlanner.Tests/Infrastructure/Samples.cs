using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>The contract's sample proposal file and the staff who work on it.</summary>
public static class Samples
{
    public static string ProposalFile => Path.Combine(AppContext.BaseDirectory, "samples", "northern-bridge-27.json");

    public static ProposalContent Proposal() => JsonFormat.Read<ProposalContent>(File.ReadAllText(ProposalFile), "sample");

    /// <summary>The sample moved to start 200 days from now, for runs that use the real clock.</summary>
    public static string ProposalJsonStartingSoon()
    {
        var sample = Proposal();
        var shift = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200).DayNumber - sample.StartDate.DayNumber;
        var moved = sample with
        {
            StartDate = sample.StartDate.AddDays(shift),
            EndDate = sample.EndDate.AddDays(shift),
            Conferences = sample.Conferences.Select(c => c with { Date = c.Date.AddDays(shift) }).ToList(),
        };
        return System.Text.Json.JsonSerializer.Serialize(moved, JsonFormat.Output);
    }

    public static IReadOnlyList<AddUser> Staff { get; } =
    [
        new("tur.coordinator", "TUR", ["coordinator"], "Lt Col Aydin"),
        new("jor.coordinator", "JOR", ["coordinator"], "Maj Nasser"),
        new("jor.approver", "JOR", ["national-approver"], "Brig Gen Al-Masri"),
        new("tur.approver", "TUR", ["national-approver"], "Brig Gen Kaya"),
        new("pak.approver", "PAK", ["national-approver"], "Brig Qureshi"),
        new("admin", "TUR", ["admin"], "Administrator"),
        // Every role the shipped workflows give the sample's host (JOR) and lead (TUR): a submission needs someone for each.
        new("jor.legal", "JOR", ["legal-advisor"], "Legal Adviser"),
        new("jor.logistics", "JOR", ["logistics-officer"], "Host Nation Support"),
        new("jor.security", "JOR", ["security-officer"], "Security Officer"),
        new("tur.director", "TUR", ["exercise-director"], "Exercise Director"),
        // …and the chiefs of staff their overdue steps escalate to (each contributing nation's).
        new("jor.chief", "JOR", ["chief-of-staff"], "Chief of Staff"),
        new("tur.chief", "TUR", ["chief-of-staff"], "Chief of Staff"),
        new("pak.chief", "PAK", ["chief-of-staff"], "Chief of Staff"),
    ];

    public static async Task AddStaffAsync(this PlannerFixture fixture)
    {
        foreach (var user in Staff) await fixture.Send(user);
    }
}
