using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ExercisePlanner.Core.Audit;

/// <summary>
/// Each entry's hash covers the previous entry's hash and a canonical form of the entry: HMAC-SHA256 with the
/// installation's <see cref="AuditKey"/>, or plain SHA-256 for entries written before keyed audit.
/// </summary>
public static class AuditChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry entry, AuditKey key) =>
        key.Keys(entry.Sequence) ? key.Sign(Input(entry)) : UnkeyedHashOf(entry);

    /// <summary>The hash without the key: how entries before <see cref="AuditKey.KeyedFrom"/> were linked.</summary>
    public static string UnkeyedHashOf(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Input(entry))));

    private static string Input(AuditEntry entry)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            entry.Sequence, entry.At.UtcDateTime.ToString("O"), entry.Actor, entry.Action,
            entry.EntityType, entry.EntityKey, entry.Change, entry.Before, entry.After,
        });
        return entry.PreviousHash + "\n" + canonical;
    }

    /// <summary>The first entry that breaks the chain, or null when the whole chain holds.</summary>
    public static AuditBreak? FindBreak(IEnumerable<AuditEntry> entriesInOrder, AuditKey key)
    {
        var expectedPrevious = GenesisHash;
        long expectedSequence = 1;
        foreach (var entry in entriesInOrder)
        {
            if (entry.Sequence != expectedSequence)
                return new AuditBreak(entry.Sequence, $"expected entry {expectedSequence} here: an entry was removed or reordered");
            if (entry.PreviousHash != expectedPrevious)
                return new AuditBreak(entry.Sequence, "its previous hash does not match the entry before it");
            if (HashOf(entry, key) != entry.Hash)
                return new AuditBreak(entry.Sequence, key.Keys(entry.Sequence) && UnkeyedHashOf(entry) == entry.Hash
                    ? "its hash was computed without the audit key: the chain was recomputed by someone who does not hold the key"
                    : "its content does not match its hash: the entry was edited, or written with another key");
            expectedPrevious = entry.Hash;
            expectedSequence++;
        }
        // The key file says keyed entries began at KeyedFrom; a trail ending well before it lost its newest entries.
        return expectedSequence < key.KeyedFrom
            ? new AuditBreak(expectedSequence, $"the trail ends at entry {expectedSequence - 1}, but the audit key has keyed entries from {key.KeyedFrom}: the newest entries were removed")
            : null;
    }
}

public sealed record AuditBreak(long Sequence, string Reason);
