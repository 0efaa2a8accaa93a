using System.Security.Cryptography;
using System.Text;

namespace ExercisePlanner.Core.Audit;

/// <summary>
/// The secret that keys the audit chain (HMAC-SHA256), kept outside the database: whoever can write the tables but
/// does not hold it cannot recompute a chain that verifies. Entries from <see cref="KeyedFrom"/> on carry it; the
/// ones before (written before keyed audit existed) keep their plain SHA-256 links, fixed by the first keyed entry.
/// </summary>
public sealed class AuditKey
{
    public const int Bytes = 32;
    private readonly byte[] _secret;

    public AuditKey(byte[] secret, long keyedFrom)
    {
        if (secret.Length < Bytes) throw new ArgumentException($"an audit key has at least {Bytes} bytes", nameof(secret));
        if (keyedFrom < 1) throw new ArgumentOutOfRangeException(nameof(keyedFrom), "entries are numbered from 1");
        _secret = secret;
        KeyedFrom = keyedFrom;
    }

    /// <summary>The sequence of the first entry keyed with this key.</summary>
    public long KeyedFrom { get; }

    public bool Keys(long sequence) => sequence >= KeyedFrom;

    public string Sign(string data) => Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(data)));

    public static AuditKey Generate(long keyedFrom) => new(RandomNumberGenerator.GetBytes(Bytes), keyedFrom);

    public string ToFileText() =>
        "# ExercisePlanner audit key: keep it secret, outside the database, and backed up with it.\n" +
        $"key={Convert.ToBase64String(_secret)}\nkeyed-from={KeyedFrom}\n";

    /// <summary>A key file's text (see <see cref="ToFileText"/>); <paramref name="source"/> names it in errors.</summary>
    public static AuditKey Parse(string text, string source)
    {
        var values = AuditFile.Read(text);
        if (!values.TryGetValue("key", out var key)) throw Invalid(source, "has no 'key=' line");
        if (!long.TryParse(values.GetValueOrDefault("keyed-from", "1"), out var keyedFrom) || keyedFrom < 1)
            throw Invalid(source, "'keyed-from=' must be a whole number from 1");
        return new AuditKey(Decode(key, source), keyedFrom);
    }

    /// <summary>A key given as base64 (the <c>Audit:Key</c> setting).</summary>
    public static byte[] Decode(string base64, string source)
    {
        byte[] secret;
        try { secret = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw Invalid(source, "the key is not base64"); }
        return secret.Length >= Bytes ? secret : throw Invalid(source, $"the key must have at least {Bytes} bytes (base64 of {Bytes} random bytes)");
    }

    private static Domain.InvalidInputException Invalid(string source, string message) => new(source, message);
}
