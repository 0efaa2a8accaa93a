using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents.Layout;

namespace ExercisePlanner.Documents.Composers;

/// <summary>The exercise plan: cover page, then aim and objectives, participants, forces, schedule, costs, contacts and the approval status annex.</summary>
internal static class ExercisePlan
{
    public const string Title = "Exercise Plan";

    public static PdfComposer Compose(DocumentModel model)
    {
        Chrome.RequireBasics("exercise plan", model);
        var c = model.Content;
        var document = Chrome.Compose(model, Title);

        document.Add(
            new Spacer(120),
            new Paragraph(Title.ToUpperInvariant(), new TextStyle(12, Bold: true, Color: 0xFF404040)) { Align = TextAlign.Center },
            new Paragraph(c.Name, TextStyle.Title) { Align = TextAlign.Center, SpaceAfter = 10 },
            new Paragraph(string.Join(" · ", new[] { c.Code, $"Revision {model.Revision}", Chrome.Amendment(model), Words.Of(model.Status) }.Where(p => p.Length > 0)), TextStyle.Subheading) { Align = TextAlign.Center, SpaceAfter = 40 },
            new Table(1, 2)
                .Row("Exercise type", Words.Of(c.Type))
                .Row("Dates", $"{Chrome.Date(c.StartDate)} to {Chrome.Date(c.EndDate)}")
                .Row("Host nation", Nation.NameOf(c.HostNation!))
                .Row("Lead nation", Nation.NameOf(c.LeadNation!))
                .Row("Location", c.Location)
                .Row("Classification", c.Classification.Name())
                .Row("Releasable to", c.ReleasableTo.Count == 0 ? "all participants" : string.Join(", ", c.ReleasableTo))
                .Row("Coordinator", model.Coordinator),
            new PageBreak());

        document.Add(Chrome.Heading("1. Aim and objectives"));
        if (c.Summary.Length > 0) document.Add(new Paragraph(c.Summary) { SpaceAfter = 8 });
        var objectives = new Table(1, 6).Header("Code", "Training objective");
        foreach (var o in c.Objectives) objectives.Row(o.Code, o.Text);
        document.Add(objectives);

        document.Add(Chrome.Heading("2. Participants and roles"));
        var participants = new Table(1, 3, 3).Header("Nation", "Name", "Roles");
        foreach (var p in c.Participants)
            participants.Row(p.Nation, Nation.NameOf(p.Nation), string.Join(", ", p.Roles.Select(Words.Of)));
        document.Add(participants);

        document.Add(Chrome.Heading("3. Force contributions"));
        var forces = new Table(1, 3, 1, 3).Header("Nation", "Unit", "Personnel", "Equipment");
        foreach (var f in c.Forces) forces.Row(f.Nation, f.Unit, f.Personnel.ToString(), f.Equipment);
        forces.Row("Total", "", c.Forces.Sum(f => f.Personnel).ToString(), "");
        document.Add(forces);

        document.Add(Chrome.Heading("4. Schedule and planning conferences"));
        var schedule = new Table(2, 2, 3).Header("Event", "Date", "Location");
        foreach (var conference in c.Conferences.OrderBy(x => x.Date))
            schedule.Row(Words.Of(conference.Kind), Chrome.Date(conference.Date), conference.Location);
        schedule.Row("Exercise", $"{Chrome.Date(c.StartDate)} – {Chrome.Date(c.EndDate)}", c.Location);
        document.Add(schedule);

        document.Add(Chrome.Heading("5. Cost sharing"));
        var costs = new Table(1, 3, 2).Header("Nation", "Name", "Share of common costs");
        foreach (var share in c.CostShares) costs.Row(share.Nation, Nation.NameOf(share.Nation), $"{share.Percent:0.##} %");
        document.Add(costs);

        document.Add(Chrome.Heading("6. Points of contact"));
        var contacts = new Table(1, 3, 4).Header("Nation", "Name", "E-mail");
        foreach (var poc in c.Contacts) contacts.Row(poc.Nation, poc.Name, poc.Email);
        document.Add(contacts);

        document.Add(new PageBreak(), Chrome.Heading("Annex A. Approval status"));
        if (model.Approvals.Count == 0) document.Add(new Paragraph("Not yet submitted for approval."));
        else
        {
            var status = new Table(3, 1.5f, 3.2f, 2, 2.4f).Header("Stage", "Nation", "Role", "Status", "Decided by");
            foreach (var step in model.Approvals) status.Row(step.StageName, step.Nation, step.Role, step.Status, step.DecidedBy ?? "");
            document.Add(status);
        }
        return document;
    }
}
