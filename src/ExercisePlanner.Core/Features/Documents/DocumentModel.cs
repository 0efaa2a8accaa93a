using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Features.Documents;

public enum DocumentKind { Plan, Memorandum, Record }

/// <summary>Everything a document shows, read from the stored proposal and its workflow, in words (the coordinator by
/// display name and title, statuses and decisions as people say them).</summary>
public sealed record DocumentModel(
    string Code, int Revision, ProposalStatus Status, ProposalContent Content, string Coordinator,
    DateTimeOffset IssuedAt, string? SecondLanguage,
    IReadOnlyList<Signatory> Signatories, IReadOnlyList<StepRecord> Approvals,
    AuditAnchor? Audit, IReadOnlyList<CoveredDocument> Covers)
{
    /// <summary>0 for the original proposal; N when the revision shown is its Nth amendment ("Amendment N" on the documents).</summary>
    public int Amendment { get; init; }
    /// <summary>Every approval that put a revision in force, oldest first: the original, then each amendment.</summary>
    public IReadOnlyList<ApprovalInForce> Chain { get; init; } = [];
    /// <summary>The decisions of the rounds before this revision's, oldest first: the requests for changes that led to it.</summary>
    public IReadOnlyList<RoundRecord> EarlierRounds { get; init; } = [];
}

/// <summary>An approved revision: the original (amendment 0) or an amendment, with the fields it changed from the one before.</summary>
public sealed record ApprovalInForce(int Amendment, int Revision, DateTimeOffset ApprovedAt, IReadOnlyList<string> Changed);

/// <summary>One earlier round of approval: the revision decided, its decisions and how it ended, in words.</summary>
public sealed record RoundRecord(int Revision, string Outcome, IReadOnlyList<StepRecord> Decisions);

/// <summary>Who signs for a nation: the national approver who approved, else a blank line.</summary>
public sealed record Signatory(string Nation, string NationName, string Name, string Title);

/// <summary>A step as the documents print it, in words; its status says the decision ("Approved", "Changes requested").</summary>
public sealed record StepRecord(
    string StageName, string Nation, string Role, string Status,
    string? DecidedBy, string? DeciderTitle, DateTimeOffset? DecidedAt, string? Comment, DateTimeOffset Due);

/// <summary>A document the approval record vouches for, by its SHA-256.</summary>
public sealed record CoveredDocument(string Title, string Sha256);

/// <summary>Turns a model into a PDF; implemented by the documents project, so the core stays free of rendering.</summary>
public interface IDocumentRenderer
{
    byte[] Render(DocumentKind kind, DocumentModel model);
}

public static class DocumentLanguages
{
    /// <summary>Languages the memorandum has texts for besides English.</summary>
    public static readonly IReadOnlyList<string> Supported = ["ar", "fr"];

    private static readonly Dictionary<string, string> ByNation = new()
    {
        ["JOR"] = "ar", ["EGY"] = "ar", ["SAU"] = "ar", ["ARE"] = "ar", ["QAT"] = "ar", ["KWT"] = "ar", ["BHR"] = "ar",
        ["OMN"] = "ar", ["IRQ"] = "ar", ["LBN"] = "ar", ["LBY"] = "ar", ["DZA"] = "ar", ["TUN"] = "ar", ["MAR"] = "ar",
        ["SDN"] = "ar", ["MRT"] = "ar", ["YEM"] = "ar", ["SYR"] = "ar", ["PSE"] = "ar", ["DJI"] = "ar", ["SOM"] = "ar",
        ["FRA"] = "fr", ["BEL"] = "fr", ["LUX"] = "fr", ["MCO"] = "fr", ["SEN"] = "fr", ["CIV"] = "fr", ["MLI"] = "fr",
        ["NER"] = "fr", ["BFA"] = "fr", ["TCD"] = "fr", ["GAB"] = "fr", ["CMR"] = "fr", ["COD"] = "fr", ["COG"] = "fr",
        ["BEN"] = "fr", ["TGO"] = "fr", ["GIN"] = "fr", ["MDG"] = "fr", ["HTI"] = "fr",
    };

    /// <summary>The language asked for (<c>en</c> for English only), else the host nation's if we have texts for it.</summary>
    public static string? SecondLanguage(string? requested, ProposalContent content)
    {
        if (requested is not null)
        {
            if (requested == "en") return null;
            if (!Supported.Contains(requested))
                throw new InvalidInputException("--lang", $"no texts in '{requested}'; available: en, {string.Join(", ", Supported)}");
            return requested;
        }
        return content.HostNation is { } host && ByNation.TryGetValue(host, out var language) ? language : null;
    }
}
