namespace ExercisePlanner.Core.Audit;

/// <summary>
/// One entry of the audit trail and its hash, kept outside the database: the trail must still hold that entry with
/// that hash, so deleting the newest entries or rewriting the chain up to it shows. <c>audit anchor</c> prints the
/// head as an anchor file; the approval record prints the anchor of the proposal's last entry (the same two values).
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash)
{
    /// <summary>The anchor file: <c>entry=</c> the sequence, <c>hash=</c> its hash in hex, after a comment line.</summary>
    public string ToFileText() =>
        "# ExercisePlanner audit anchor: keep it outside the database; `audit verify --anchor FILE` checks the trail still holds it.\n" +
        $"entry={Sequence}\nhash={Hash}\n";

    public static AuditAnchor Parse(string text, string source)
    {
        var values = AuditFile.Read(text);
        string Value(string name) => values.TryGetValue(name, out var value) ? value
            : throw new Domain.InvalidInputException(source, $"not an audit anchor: it has no '{name}=' line");
        if (!long.TryParse(Value("entry"), out var sequence) || sequence < 1)
            throw new Domain.InvalidInputException(source, "'entry=' must be a whole number from 1");
        var hash = Value("hash").ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(Uri.IsHexDigit))
            throw new Domain.InvalidInputException(source, "'hash=' must be 64 hexadecimal digits");
        return new AuditAnchor(sequence, hash);
    }

    /// <summary>Why the trail no longer holds this anchor, or null when it does.</summary>
    public AuditBreak? Check(IReadOnlyList<AuditEntry> entriesInOrder)
    {
        var head = entriesInOrder.Count == 0 ? 0 : entriesInOrder[^1].Sequence;
        if (head < Sequence)
            return new AuditBreak(head + 1, $"the trail ends at entry {head}, but the anchor holds entry {Sequence}: the newest entries were removed");
        var anchored = entriesInOrder.FirstOrDefault(e => e.Sequence == Sequence);
        return anchored?.Hash == Hash ? null
            : new AuditBreak(Sequence, $"entry {Sequence} no longer has the anchor's hash: the chain was rewritten up to it");
    }
}
