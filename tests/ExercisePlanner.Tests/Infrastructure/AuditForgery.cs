using ExercisePlanner.Core.Audit;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>What someone who can write the database can do to the trail: rewrite entries and relink them all.</summary>
public static class AuditForgery
{
    /// <param name="hash">How each forged entry is hashed: without the key (all an outsider can do), or with it (an insider).</param>
    public static async Task RelinkAsync(this PlannerFixture fixture, Func<AuditEntry, string> hash,
        Func<AuditEntry, string>? actor = null, Func<AuditEntry, string?>? after = null)
    {
        var previous = AuditChain.GenesisHash;
        var sql = new List<string>();
        foreach (var entry in await fixture.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync()))
        {
            var forged = new AuditEntry
            {
                Sequence = entry.Sequence, At = entry.At, Actor = actor?.Invoke(entry) ?? entry.Actor, Action = entry.Action,
                EntityType = entry.EntityType, EntityKey = entry.EntityKey, Change = entry.Change, Before = entry.Before,
                After = after is null ? entry.After : after(entry), PreviousHash = previous,
            };
            forged.Hash = hash(forged);
            sql.Add($"""UPDATE "AuditEntries" SET "Actor" = {Quote(forged.Actor)}, "After" = {Quote(forged.After)}, "PreviousHash" = '{forged.PreviousHash}', "Hash" = '{forged.Hash}' WHERE "Sequence" = {entry.Sequence}""");
            previous = forged.Hash;
        }
        await fixture.Database.ExecuteAsync(string.Join(";\n", sql));
    }

    private static string Quote(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''") + "'";
}
