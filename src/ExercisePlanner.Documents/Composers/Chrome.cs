using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Documents.Layout;

namespace ExercisePlanner.Documents.Composers;

/// <summary>What every document shares: the classification banner top and bottom, page numbers, and checks of required fields.</summary>
internal static class Chrome
{
    /// <summary>The marking; past a dozen nations the list is on the cover, and the banner says how many.</summary>
    public static string Banner(ProposalContent content) => Markings.Banner(content.Classification, content.ReleasableTo, listAtMost: 12);

    /// <summary>Marking colours in common use: green, dark orange, blue, red.</summary>
    private static uint BannerColor(Classification classification) => classification switch
    {
        Classification.Unclassified => 0xFF007A33,
        Classification.Restricted => 0xFFB35900,
        Classification.Confidential => 0xFF0033A0,
        _ => 0xFFC8102E,
    };

    /// <summary>"Amendment N" for a document of an approved change, empty for the original.</summary>
    public static string Amendment(DocumentModel model) => model.Amendment > 0 ? $"Amendment {model.Amendment}" : "";

    public static PdfComposer Compose(DocumentModel model, string title)
    {
        if (model.Amendment > 0) title = $"{title} · {Amendment(model)}";
        var banner = Banner(model.Content);
        var style = new TextStyle(9, Bold: true, Color: BannerColor(model.Content.Classification));
        return new PdfComposer
        {
            Title = $"{title} — {model.Content.Name} ({model.Code})",
            // The lead nation directs the planning (the memorandum's article 4): its planning office issues the papers.
            Author = $"Exercise planning office, {Nation.NameOf(model.Content.LeadNation!)} ({model.Content.LeadNation})",
            Subject = $"{model.Code}, revision {model.Revision}; {banner}",
            Date = model.IssuedAt.UtcDateTime,
            Header = page => Centered(page, banner, style, page.Page.Top + 30),
            Footer = page =>
            {
                Centered(page, banner, style, page.Page.Bottom - 24);
                var small = TextStyle.Small.WithColor(0xFF404040);
                var baseline = page.Content.Bottom + 20;
                page.Fonts.Draw(page.Canvas, $"{model.Code}, revision {model.Revision} · {title}", page.Content.Left, baseline, small);
                var number = $"Page {page.Number} of {page.Count}";
                page.Fonts.Draw(page.Canvas, number, page.Content.Right - page.Fonts.Width(number, small), baseline, small);
            },
        };
    }

    /// <summary>Centred on one line; a long marking (many REL TO nations) is set smaller until it fits the margins.</summary>
    private static void Centered(PageInfo page, string text, TextStyle style, float baseline)
    {
        while (page.Fonts.Width(text, style) > page.Content.Width && style.Size > 5) style = style with { Size = style.Size - 0.5f };
        page.Fonts.Draw(page.Canvas, text, (page.Page.Width - page.Fonts.Width(text, style)) / 2, baseline, style);
    }

    public static Paragraph Heading(string text) => new(text, TextStyle.Heading) { KeepWithNext = true, SpaceAfter = 6 };

    public static Paragraph Subheading(string text) => new(text, TextStyle.Subheading) { KeepWithNext = true, SpaceAfter = 3 };

    /// <summary>Refuses to render a document from data that lacks what it must show.</summary>
    public static void Require(string document, params (string Path, bool Present)[] fields)
    {
        var missing = fields.Where(f => !f.Present).Select(f => new Problem(f.Path, $"is missing; the {document} cannot be produced without it")).ToList();
        if (missing.Count > 0) throw new InvalidInputException(missing, document);
    }

    public static void RequireBasics(string document, DocumentModel model)
    {
        var c = model.Content;
        Require(document,
            ("name", !string.IsNullOrWhiteSpace(c.Name)),
            ("location", !string.IsNullOrWhiteSpace(c.Location)),
            ("participants", c.Participants.Count > 0),
            ("participants (host)", c.HostNation is not null),
            ("participants (lead)", c.LeadNation is not null));
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A moment in a "Time (UTC)" column: "12 Jan 2027 09:00".</summary>
    public static string Date(DateTimeOffset? at) => at is { } value ? value.UtcDateTime.ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
