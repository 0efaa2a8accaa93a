using System.Security.Cryptography;
using System.Text;

namespace ExercisePlanner.Core.Audit;

/// <summary>
/// How the audit trail records a large value (a proposal's or a revision's content): the SHA-256 of the text stored in
/// the column, not a copy. The revision table keeps the content; the audit keeps what proves it, and a save does not
/// write megabytes twice more under the writer lock.
/// </summary>
public static class ContentDigest
{
    public const string Prefix = "sha256:";

    public static string Of(string stored) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stored)));

    /// <summary>The first hex digits, enough for a person to tell two digests apart.</summary>
    public static string Short(string digest) =>
        digest.StartsWith(Prefix, StringComparison.Ordinal) && digest.Length > Prefix.Length + 12
            ? digest[..(Prefix.Length + 12)] + "…" : digest;
}
