using System.Runtime.CompilerServices;
using System.Text.Json;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Persistence;

/// <summary>
/// The text a proposal's content is stored as, made once per content object. Content is immutable and replaced as a
/// whole (the change tracker compares it by reference), so the proposal's column, the audit's digest of it and a
/// revision's copy of the same content share one serialisation, which a command can make before it takes the writer
/// lock (<see cref="IPreparedRequest"/>); content read from the database keeps the text it was read from.
/// </summary>
public static class ContentText
{
    private static readonly ConditionalWeakTable<ProposalContent, string> Texts = new();

    public static string Of(ProposalContent content) =>
        Texts.GetValue(content, static c => JsonSerializer.Serialize(c, JsonFormat.Strict));

    public static ProposalContent Read(string text)
    {
        var content = JsonSerializer.Deserialize<ProposalContent>(text, JsonFormat.Strict)!;
        Texts.AddOrUpdate(content, text);
        return content;
    }
}
