using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Audit;

/// <summary>
/// Issue 11, finding 9: entries are keyed (HMAC-SHA256) with a key kept outside the database, so whoever can write
/// the tables cannot recompute a chain that verifies. A fixture of its own: these tests remove and rewrite key files.
/// </summary>
public sealed class AuditKeyTests : IAsyncLifetime
{
    private readonly PlannerFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();
    public Task DisposeAsync() => _fixture.DisposeAsync();

    private string KeyFile => AuditKeySettings.FromEnvironment().FileFor(_fixture.Database.Settings);

    private async Task SeedAsync()
    {
        await _fixture.AddStaffAsync();
        await _fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        await _fixture.Send(new SubmitProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
    }

    private Task<List<AuditEntry>> EntriesAsync() =>
        _fixture.WithDb(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    // All someone who can write the database but does not hold the key can do.
    private Task RecomputeWithoutTheKeyAsync(Func<AuditEntry, string?>? after = null) =>
        _fixture.RelinkAsync(AuditChain.UnkeyedHashOf, after: after);

    [Fact]
    public async Task The_key_is_made_on_first_start_in_a_file_beside_the_data_and_keys_every_entry()
    {
        await SeedAsync();

        var key = AuditKey.Parse(await File.ReadAllTextAsync(KeyFile), KeyFile);
        Assert.Equal(1, key.KeyedFrom);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        var entries = await EntriesAsync();
        Assert.All(entries, e => Assert.Equal(AuditChain.HashOf(e, key), e.Hash));
        Assert.All(entries, e => Assert.NotEqual(AuditChain.UnkeyedHashOf(e), e.Hash));
        (await _fixture.Send(new VerifyAudit())).AssertIntact();
    }

    [Fact]
    public async Task A_chain_recomputed_without_the_key_fails_verify_naming_why()
    {
        await SeedAsync();
        // Make the trail agree with a forged approval, then relink the whole chain as the unkeyed chain allowed.
        await _fixture.Database.ExecuteAsync("""UPDATE "Proposals" SET "Status" = 'Approved'""");
        await RecomputeWithoutTheKeyAsync(e => e.After?.Replace("\"Status\":\"Submitted\"", "\"Status\":\"Approved\""));

        var verification = await _fixture.Send(new VerifyAudit());

        Assert.False(verification.Intact);
        Assert.Equal(1, verification.FirstBreak!.Sequence);
        Assert.Contains("computed without the audit key", verification.FirstBreak.Reason);
    }

    [Fact]
    public async Task A_database_from_before_keyed_audit_keeps_its_entries_and_is_keyed_from_the_next_one()
    {
        await SeedAsync();
        // As the release before keyed audit left it: plain SHA-256 links and no key file.
        await RecomputeWithoutTheKeyAsync();
        File.Delete(KeyFile);
        var legacy = (await EntriesAsync()).Count;

        await _fixture.ReplaceServicesAsync();

        Assert.Equal(legacy + 1, AuditKey.Parse(await File.ReadAllTextAsync(KeyFile), KeyFile).KeyedFrom);
        (await _fixture.Send(new VerifyAudit())).AssertIntact();
        await _fixture.Send(new WithdrawProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
        (await _fixture.Send(new VerifyAudit())).AssertIntact();

        // The old entries cannot be rewritten either: the first keyed entry fixes the last unkeyed one's hash.
        await RecomputeWithoutTheKeyAsync(e => e.Sequence == 2 ? e.After?.Replace("tur.coordinator", "mallory") : e.After);
        var verification = await _fixture.Send(new VerifyAudit());
        Assert.False(verification.Intact);
        Assert.Equal(legacy + 1, verification.FirstBreak!.Sequence);
        Assert.Contains("computed without the audit key", verification.FirstBreak.Reason);
    }

    [Fact]
    public async Task A_keyed_trail_whose_key_is_missing_is_not_continued_with_a_new_key()
    {
        await SeedAsync();
        File.Delete(KeyFile);

        var refused = await Assert.ThrowsAsync<Core.Domain.InvalidInputException>(() => _fixture.RestartAsync());

        Assert.Contains($"this database's audit trail is keyed, but its key file {KeyFile} was not found", refused.Message);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public async Task Deleting_the_newest_entries_back_to_before_the_key_is_named()
    {
        await SeedAsync();
        await RecomputeWithoutTheKeyAsync();
        File.Delete(KeyFile);
        await _fixture.ReplaceServicesAsync(); // keyed from the entry after the last unkeyed one
        await _fixture.Send(new WithdrawProposal("NORTHERN-BRIDGE-27", "tur.coordinator"));
        var key = AuditKey.Parse(await File.ReadAllTextAsync(KeyFile), KeyFile);

        await _fixture.Database.ExecuteAsync($"""DELETE FROM "AuditEntries" WHERE "Sequence" >= {key.KeyedFrom - 1}""");

        var verification = await _fixture.Send(new VerifyAudit());
        Assert.False(verification.Intact);
        Assert.Contains("the newest entries were removed", verification.FirstBreak!.Reason);
    }
}
