using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ExercisePlanner.Core.Audit;

/// <summary>SHA-256 over the previous entry's hash and a canonical form of the entry.</summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry entry)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence, entry.At.UtcDateTime.ToString("O"), entry.Actor, entry.Action,
            entry.EntityType, entry.EntityKey, entry.Change, entry.Before, entry.After,
        });
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(entry.PreviousHash + "\n" + canonical));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>The first entry that breaks the chain, or null when the whole chain holds.</summary>
    public static AuditBreak? FindBreak(IEnumerable<AuditEntry> entriesInOrder)
    {
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        foreach (var entry in entriesInOrder)
        {
            if (entry.Sequence != expectedSequence)
                return new AuditBreak(entry.Sequence, $"expected entry {expectedSequence} here: an entry was removed or reordered");
            if (entry.PreviousHash != expectedPrevious)
                return new AuditBreak(entry.Sequence, "its previous hash does not match the entry before it");
            if (HashOf(entry) != entry.Hash)
                return new AuditBreak(entry.Sequence, "its content does not match its hash: the entry was edited");
            expectedPrevious = entry.Hash;
            expectedSequence++;
        }
        return null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
