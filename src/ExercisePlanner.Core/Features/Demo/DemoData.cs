using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Users;

namespace ExercisePlanner.Core.Features.Demo;

/// <summary>Five nations' staff and one realistic combined logistics CPX, dated relative to today.</summary>
public static class DemoData
{
    /// <summary>The staff, each with an address at example.org, so the demo's mail shows on the Outbox page.</summary>
    public static IReadOnlyList<AddUser> Users { get; } = WithAddresses(
    [
        new("tur.coordinator", "TUR", ["coordinator"], "J7 Exercise Planner") { DisplayName = "Lt Col Emre Aydin" },
        new("jor.approver", "JOR", ["national-approver"], "Director of Training") { DisplayName = "Brig Gen Khaled Al-Masri" },
        new("tur.approver", "TUR", ["national-approver"], "Head of Joint Training") { DisplayName = "Brig Gen Selim Kaya" },
        // Türkiye's second national approver, to whom tur.approver can hand a step (the decision form's "hand this step to a colleague").
        new("tur.deputy", "TUR", ["national-approver"], "Deputy Head of Joint Training") { DisplayName = "Col Deniz Aksoy" },
        new("pak.approver", "PAK", ["national-approver"], "Director Joint Exercises") { DisplayName = "Brig Imran Qureshi" },
        new("idn.approver", "IDN", ["national-approver"], "Assistant for Operations") { DisplayName = "Brig Gen Arief Wibowo" },
        new("jor.legal", "JOR", ["legal-advisor"], "Legal Adviser") { DisplayName = "Col Rana Haddad" },
        new("jor.logistics", "JOR", ["logistics-officer"], "Host Nation Support") { DisplayName = "Col Omar Shami" },
        new("jor.security", "JOR", ["security-officer"], "Security Officer") { DisplayName = "Lt Col Hani Saleh" },
        new("tur.director", "TUR", ["exercise-director"], "Exercise Director") { DisplayName = "Maj Gen Murat Demir" },
        // Each contributing nation's chief of staff, to whom its overdue national review escalates (a submission needs one).
        new("jor.chief", "JOR", ["chief-of-staff"], "Chief of Staff") { DisplayName = "Maj Gen Yousef Al-Hamad" },
        new("tur.chief", "TUR", ["chief-of-staff"], "Chief of Staff") { DisplayName = "Lt Gen Orhan Yildiz" },
        new("pak.chief", "PAK", ["chief-of-staff"], "Chief of Staff") { DisplayName = "Maj Gen Tariq Mahmood" },
        new("idn.chief", "IDN", ["chief-of-staff"], "Chief of Staff") { DisplayName = "Maj Gen Hendra Gunawan" },
        new("admin", "TUR", ["admin"], "") { DisplayName = "System administrator" },
    ]);

    private static List<AddUser> WithAddresses(IEnumerable<AddUser> users) =>
        users.Select(u => u with { Email = $"{u.Name}@example.org" }).ToList();

    public const string Coordinator = "tur.coordinator";

    /// <summary>Who decides the first stage of the demo proposal: one approver per contributing nation.</summary>
    public static IReadOnlyList<string> NationalApprovers { get; } = ["jor.approver", "tur.approver", "pak.approver", "idn.approver"];

    public static ProposalContent Proposal(DateOnly today)
    {
        var start = today.AddDays(180);
        var code = $"NORTHERN-BRIDGE-{start.Year % 100:00}";
        return new ProposalContent
        {
            Code = code,
            Name = $"Northern Bridge {start.Year}",
            Type = ExerciseType.CPX,
            StartDate = start,
            EndDate = start.AddDays(11),
            Location = "Joint Staff College, Amman",
            Classification = Classification.Restricted,
            ReleasableTo = ["JOR", "TUR", "PAK", "IDN"],
            Summary = "Command post exercise on combined logistics support to a multinational brigade deployed " +
                      "for a stabilisation mission, with host-nation support and a HADR vignette.",
            Participants =
            [
                new() { Nation = "JOR", Roles = [ParticipantRole.Host] },
                new() { Nation = "TUR", Roles = [ParticipantRole.Lead] },
                new() { Nation = "PAK", Roles = [ParticipantRole.Participant] },
                new() { Nation = "IDN", Roles = [ParticipantRole.Participant] },
                new() { Nation = "MYS", Roles = [ParticipantRole.Observer] },
            ],
            Objectives =
            [
                new() { Code = "TO-1", Text = "Establish and run a combined joint logistics coordination cell." },
                new() { Code = "TO-2", Text = "Plan host-nation support for the reception, staging and onward movement of a brigade." },
                new() { Code = "TO-3", Text = "Coordinate medical evacuation and resupply across national lines." },
                new() { Code = "TO-4", Text = "Exercise civil-military coordination in a humanitarian assistance vignette." },
            ],
            Forces =
            [
                new() { Nation = "JOR", Unit = "Royal Logistics Corps staff", Personnel = 60, Equipment = "Exercise facility, CIS support" },
                new() { Nation = "TUR", Unit = "Logistics Command staff", Personnel = 40, Equipment = "Deployable CIS node" },
                new() { Nation = "PAK", Unit = "Logistics Area staff", Personnel = 25, Equipment = "" },
                new() { Nation = "IDN", Unit = "Kostrad logistics staff", Personnel = 20, Equipment = "" },
            ],
            CostShares =
            [
                new() { Nation = "JOR", Percent = 35 },
                new() { Nation = "TUR", Percent = 35 },
                new() { Nation = "PAK", Percent = 15 },
                new() { Nation = "IDN", Percent = 15 },
            ],
            Conferences =
            [
                new() { Kind = ConferenceKind.IPC, Date = start.AddDays(-120), Location = "Amman" },
                new() { Kind = ConferenceKind.MPC, Date = start.AddDays(-75), Location = "Ankara" },
                new() { Kind = ConferenceKind.FPC, Date = start.AddDays(-30), Location = "Amman" },
            ],
            Contacts =
            [
                new() { Nation = "JOR", Name = "Maj Laila Nasser", Email = "exercise.poc@jaf.example.org" },
                new() { Nation = "TUR", Name = "Maj Cem Yildiz", Email = "j7.poc@tsk.example.org" },
            ],
        };
    }

    /// <summary>
    /// A large combined exercise for load and layout: many nations (the first host, the second lead),
    /// many objectives, every nation contributing and paying an equal share.
    /// </summary>
    public static ProposalContent Large(int nations, int objectives)
    {
        var codes = Nation.All.Select(n => n.Code).Where(c => c is not ("ATA" or "ALA")).Take(nations).ToList();
        return new ProposalContent
        {
            Code = "GRAND-COALITION-28",
            Name = "Grand Coalition 2028",
            Type = ExerciseType.CAX,
            StartDate = new DateOnly(2028, 4, 3),
            EndDate = new DateOnly(2028, 4, 21),
            Location = "Combined Simulation Centre",
            Classification = Classification.Confidential,
            ReleasableTo = codes,
            Summary = string.Join(" ", Enumerable.Repeat("Computer-assisted exercise of a combined joint task force headquarters.", 10)),
            Participants = codes.Select((n, i) => new Participant
            {
                Nation = n,
                Roles = [i == 0 ? ParticipantRole.Host : i == 1 ? ParticipantRole.Lead : ParticipantRole.Participant],
            }).ToList(),
            Objectives = Enumerable.Range(1, objectives).Select(i => new TrainingObjective
            {
                Code = $"TO-{i}",
                Text = $"Objective {i}: exercise the combined staff in planning and directing operations across the joint functions, phase {i % 7 + 1}.",
            }).ToList(),
            Forces = codes.Select(n => new ForceContribution { Nation = n, Unit = $"{Nation.NameOf(n)} staff element", Personnel = 12 }).ToList(),
            CostShares = codes.Select(n => new CostShare { Nation = n, Percent = 100m / codes.Count }).ToList(),
            Conferences = [new() { Kind = ConferenceKind.IPC, Date = new DateOnly(2027, 11, 2), Location = "Brussels" }],
            Contacts = codes.Select(n => new PointOfContact { Nation = n, Name = $"Maj {n}", Email = $"poc@{n.ToLowerInvariant()}.example.org" }).ToList(),
        };
    }
}
