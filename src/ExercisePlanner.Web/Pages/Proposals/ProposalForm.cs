using System.Globalization;
using System.Text.RegularExpressions;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Web.Pages.Proposals;

/// <summary>
/// The proposal editor's fields: single values as inputs, each list as rows the coordinator adds and
/// removes (on the server without script, in the browser with it). Rows left wholly blank are dropped.
/// </summary>
public sealed partial class ProposalForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public ExerciseType Type { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? Location { get; set; }
    public Classification Classification { get; set; }
    public List<string> ReleasableTo { get; set; } = [];
    public string? Summary { get; set; }
    public List<ParticipantRow> Participants { get; set; } = [];
    public List<ObjectiveRow> Objectives { get; set; } = [];
    public List<ForceRow> Forces { get; set; } = [];
    public List<CostShareRow> CostShares { get; set; } = [];
    public List<ConferenceRow> Conferences { get; set; } = [];
    public List<ContactRow> Contacts { get; set; } = [];
    /// <summary>The version the editor read, sent back so a save over someone else's change is refused.</summary>
    public int? Version { get; set; }

    public sealed class ParticipantRow { public string? Nation { get; set; } public List<ParticipantRole> Roles { get; set; } = []; }
    public sealed class ObjectiveRow { public string? Code { get; set; } public string? Text { get; set; } }
    public sealed class ForceRow { public string? Nation { get; set; } public string? Unit { get; set; } public int? Personnel { get; set; } public string? Equipment { get; set; } }
    public sealed class CostShareRow { public string? Nation { get; set; } public decimal? Percent { get; set; } }
    public sealed class ConferenceRow { public ConferenceKind Kind { get; set; } public DateOnly? Date { get; set; } public string? Location { get; set; } }
    public sealed class ContactRow { public string? Nation { get; set; } public string? Name { get; set; } public string? Email { get; set; } public string? Phone { get; set; } }

    /// <summary>The list fields, by their name in the proposal file.</summary>
    public static readonly string[] Lists = ["participants", "objectives", "forces", "costShares", "conferences", "contacts"];

    /// <summary>Adds a blank row to a list (the "Add" buttons without script).</summary>
    public void AddRow(string list)
    {
        switch (list)
        {
            case "participants": Participants.Add(new()); break;
            case "objectives": Objectives.Add(new()); break;
            case "forces": Forces.Add(new()); break;
            case "costShares": CostShares.Add(new()); break;
            case "conferences": Conferences.Add(new()); break;
            case "contacts": Contacts.Add(new()); break;
        }
    }

    /// <summary>Removes one row of a list (the "Remove" buttons without script); an index out of range does nothing.</summary>
    public void RemoveRow(string list, int index)
    {
        System.Collections.IList rows = list switch
        {
            "participants" => Participants, "objectives" => Objectives, "forces" => Forces,
            "costShares" => CostShares, "conferences" => Conferences, "contacts" => Contacts, _ => new List<object>(),
        };
        if (index >= 0 && index < rows.Count) rows.RemoveAt(index);
    }

    public static ProposalForm From(ProposalContent c, int? version = null) => new()
    {
        Code = c.Code, Name = c.Name, Type = c.Type, Location = c.Location, Classification = c.Classification, Summary = c.Summary,
        StartDate = Known(c.StartDate), EndDate = Known(c.EndDate), ReleasableTo = [.. c.ReleasableTo], Version = version,
        Participants = [.. c.Participants.Select(p => new ParticipantRow { Nation = p.Nation, Roles = [.. p.Roles] })],
        Objectives = [.. c.Objectives.Select(o => new ObjectiveRow { Code = o.Code, Text = o.Text })],
        Forces = [.. c.Forces.Select(f => new ForceRow { Nation = f.Nation, Unit = f.Unit, Personnel = f.Personnel, Equipment = f.Equipment })],
        CostShares = [.. c.CostShares.Select(s => new CostShareRow { Nation = s.Nation, Percent = s.Percent })],
        Conferences = [.. c.Conferences.Select(x => new ConferenceRow { Kind = x.Kind, Date = Known(x.Date), Location = x.Location })],
        Contacts = [.. c.Contacts.Select(x => new ContactRow { Nation = x.Nation, Name = x.Name, Email = x.Email, Phone = x.Phone })],
    };

    /// <summary>The content as typed; a blank date is kept as "not yet set" (the rules at submission ask for it).</summary>
    public ProposalContent ToContent() => new()
    {
        Code = Text(Code).ToUpperInvariant(), Name = Text(Name), Type = Type, StartDate = StartDate ?? default, EndDate = EndDate ?? default,
        Location = Text(Location), Classification = Classification, Summary = Text(Summary),
        ReleasableTo = [.. ReleasableTo.Select(NationCode).Where(n => Participants.Any(p => NationCode(p.Nation) == n)).Distinct()],
        Participants = [.. Participants.Where(p => !Blank(p.Nation) || p.Roles.Count > 0)
            .Select(p => new Participant { Nation = NationCode(p.Nation), Roles = [.. p.Roles.Distinct().Order()] })],
        Objectives = [.. Objectives.Where(o => !Blank(o.Code, o.Text)).Select(o => new TrainingObjective { Code = Text(o.Code), Text = Text(o.Text) })],
        Forces = [.. Forces.Where(f => !Blank(f.Nation, f.Unit, f.Equipment) || f.Personnel is not null)
            .Select(f => new ForceContribution { Nation = NationCode(f.Nation), Unit = Text(f.Unit), Personnel = f.Personnel ?? 0, Equipment = Text(f.Equipment) })],
        CostShares = [.. CostShares.Where(s => !Blank(s.Nation) || s.Percent is not null)
            .Select(s => new CostShare { Nation = NationCode(s.Nation), Percent = s.Percent ?? 0 })],
        Conferences = [.. Conferences.Where(x => x.Date is not null || !Blank(x.Location))
            .Select(x => new PlanningConference { Kind = x.Kind, Date = x.Date ?? default, Location = Text(x.Location) })],
        Contacts = [.. Contacts.Where(x => !Blank(x.Nation, x.Name, x.Email, x.Phone))
            .Select(x => new PointOfContact { Nation = NationCode(x.Nation), Name = Text(x.Name), Email = Text(x.Email), Phone = Text(x.Phone) })],
    };

    /// <summary>The nations taking part as typed so far: what releasability offers.</summary>
    public IEnumerable<string> ParticipatingNations =>
        Participants.Select(p => NationCode(p.Nation)).Where(Nation.Exists).Distinct();

    /// <summary>"Jordan (JOR)" for a known code: what the nation picker shows and reads back.</summary>
    public static string NationChoice(string? code) => code is not null && Nation.Exists(code) ? $"{Nation.NameOf(code)} ({code})" : code ?? "";

    /// <summary>The code of what was picked or typed: "Jordan (JOR)", "JOR", "jor" or "Jordan".</summary>
    public static string NationCode(string? text)
    {
        var typed = Text(text);
        if (ChoicePattern().Match(typed) is { Success: true } choice) return choice.Groups[1].Value;
        var code = typed.ToUpperInvariant();
        if (Nation.Exists(code)) return code;
        return Nation.All.FirstOrDefault(n => string.Equals(n.Name, typed, StringComparison.OrdinalIgnoreCase))?.Code ?? code;
    }

    private static DateOnly? Known(DateOnly date) => date == default ? null : date;
    private static string Text(string? value) => value?.Trim() ?? "";
    private static bool Blank(params string?[] values) => values.All(string.IsNullOrWhiteSpace);

    [GeneratedRegex(@"\(([A-Z]{3})\)$")]
    private static partial Regex ChoicePattern();
}
