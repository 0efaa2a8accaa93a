using System.Globalization;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Web.Pages.Proposals;

/// <summary>
/// The proposal editor's fields: single values as inputs, each list as lines of a text area
/// ("JOR host", "TO-1 | text", …). Parsing problems and the planner's validation problems are
/// shown beside the field they name.
/// </summary>
public sealed class ProposalForm
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public ExerciseType Type { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string Location { get; set; } = "";
    public Classification Classification { get; set; }
    public string ReleasableTo { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Participants { get; set; } = "";
    public string Objectives { get; set; } = "";
    public string Forces { get; set; } = "";
    public string CostShares { get; set; } = "";
    public string Conferences { get; set; } = "";
    public string Contacts { get; set; } = "";

    /// <summary>The list fields: their name in the proposal file, label and the shape of a line.</summary>
    public static readonly (string Field, string Label, string Format)[] Lists =
    [
        ("participants", "Participating nations and roles", "NATION role[, role]   e.g. JOR host"),
        ("objectives", "Training objectives", "CODE | text"),
        ("forces", "Force contributions", "NATION | unit | personnel | equipment"),
        ("costShares", "Cost shares (percent)", "NATION percent   e.g. TUR 40"),
        ("conferences", "Planning conferences", "KIND YYYY-MM-DD location   e.g. IPC 2027-03-10 Amman"),
        ("contacts", "Points of contact", "NATION | name | e-mail | phone"),
    ];

    public string ListText(string field) => field switch
    {
        "participants" => Participants, "objectives" => Objectives, "forces" => Forces,
        "costShares" => CostShares, "conferences" => Conferences, _ => Contacts,
    };

    public static ProposalForm From(ProposalContent c) => new()
    {
        Code = c.Code, Name = c.Name, Type = c.Type, StartDate = c.StartDate, EndDate = c.EndDate, Location = c.Location,
        Classification = c.Classification, ReleasableTo = string.Join(", ", c.ReleasableTo), Summary = c.Summary,
        Participants = Lines(c.Participants.Select(p => $"{p.Nation} {string.Join(", ", p.Roles.Select(r => r.ToString().ToLowerInvariant()))}")),
        Objectives = Lines(c.Objectives.Select(o => $"{o.Code} | {o.Text}")),
        Forces = Lines(c.Forces.Select(f => $"{f.Nation} | {f.Unit} | {f.Personnel} | {f.Equipment}")),
        CostShares = Lines(c.CostShares.Select(s => $"{s.Nation} {s.Percent.ToString(CultureInfo.InvariantCulture)}")),
        Conferences = Lines(c.Conferences.Select(x => $"{x.Kind} {x.Date:yyyy-MM-dd} {x.Location}")),
        Contacts = Lines(c.Contacts.Select(x => $"{x.Nation} | {x.Name} | {x.Email} | {x.Phone}")),
    };

    /// <summary>The content, or every line that could not be read, named by field and index.</summary>
    public ProposalContent ToContent()
    {
        var problems = new List<Problem>();
        var content = new ProposalContent
        {
            Code = Code.Trim(), Name = Name.Trim(), Type = Type, StartDate = StartDate, EndDate = EndDate,
            Location = Location.Trim(), Classification = Classification, Summary = Summary.Trim(),
            ReleasableTo = ReleasableTo.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Participants = Parse("participants", Participants, problems, line =>
            {
                var (nation, rest) = Split(line);
                return new Participant { Nation = nation, Roles = rest.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Role).ToList() };
            }),
            Objectives = Parse("objectives", Objectives, problems, line => Fields(line, 2) is var f ? new TrainingObjective { Code = f[0], Text = f[1] } : null!),
            Forces = Parse("forces", Forces, problems, line => Fields(line, 4) is var f
                ? new ForceContribution { Nation = f[0], Unit = f[1], Personnel = int.Parse(f[2], CultureInfo.InvariantCulture), Equipment = f[3] } : null!),
            CostShares = Parse("costShares", CostShares, problems, line =>
            {
                var (nation, percent) = Split(line);
                return new CostShare { Nation = nation, Percent = decimal.Parse(percent, CultureInfo.InvariantCulture) };
            }),
            Conferences = Parse("conferences", Conferences, problems, line =>
            {
                var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 3) throw new FormatException("expected KIND YYYY-MM-DD location");
                return new PlanningConference { Kind = Enum.Parse<ConferenceKind>(parts[0], ignoreCase: true), Date = DateOnly.ParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), Location = parts[2] };
            }),
            Contacts = Parse("contacts", Contacts, problems, line => Fields(line, 4) is var f
                ? new PointOfContact { Nation = f[0], Name = f[1], Email = f[2], Phone = f[3] } : null!),
        };
        if (problems.Count > 0) throw new InvalidInputException(problems);
        return content;
    }

    private static List<T> Parse<T>(string field, string text, List<Problem> problems, Func<string, T> read)
    {
        var items = new List<T>();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            try { items.Add(read(lines[i])); }
            catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException)
            {
                problems.Add(new Problem($"{field}[{i}]", $"line {i + 1} '{lines[i]}': {ex.Message}"));
            }
        }
        return items;
    }

    private static (string First, string Remainder) Split(string line)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 ? (parts[0].ToUpperInvariant(), parts[1]) : throw new FormatException("expected a nation and a value");
    }

    /// <summary>Exactly <paramref name="count"/> fields separated by '|'; missing trailing ones are empty.</summary>
    private static string[] Fields(string line, int count)
    {
        var fields = line.Split('|', StringSplitOptions.TrimEntries);
        if (fields.Length < 2 || fields.Length > count) throw new FormatException($"expected {count} fields separated by '|'");
        return [.. fields, .. Enumerable.Repeat("", count - fields.Length)];
    }

    private static ParticipantRole Role(string text) =>
        Enum.TryParse<ParticipantRole>(text, ignoreCase: true, out var role) ? role : throw new FormatException($"'{text}' is not host, lead, participant or observer");

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);
}
