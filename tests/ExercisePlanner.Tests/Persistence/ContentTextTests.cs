using System.Text.Json.Nodes;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Tests.Persistence;

/// <summary>
/// Issue 11, finding 1: a content's text is made once and shared by its column, the audit's digest and a revision's
/// copy; a content read from the database keeps the text it was read from.
/// </summary>
public sealed class ContentTextTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    private const string Code = "NORTHERN-BRIDGE-27";

    private Task<string> StoredAsync(string table) => Fixture.WithDb(db => db.Database.SqlQueryRaw<string>(table == "Proposals"
        ? """SELECT "Content" AS "Value" FROM "Proposals" """ : """SELECT "Content" AS "Value" FROM "ProposalRevisions" """).SingleAsync());

    /// <summary>A draft whose column holds its content in other words (indented, as an older writer might have left it): equal as JSON, not as text.</summary>
    private async Task<string> DraftStoredIndentedAsync()
    {
        await Fixture.AddStaffAsync();
        await Fixture.Send(new ImportProposal(Samples.Proposal(), "tur.coordinator"));
        var indented = JsonNode.Parse(await StoredAsync("Proposals"))!.ToJsonString(new() { WriteIndented = true });
        await Fixture.WithDb(db => db.Database.ExecuteSqlAsync($"""UPDATE "Proposals" SET "Content" = {indented}"""));
        return indented;
    }

    [Fact]
    public async Task A_change_is_audited_from_the_text_the_column_held_before_to_the_text_written()
    {
        var indented = await DraftStoredIndentedAsync();

        await Fixture.Send(new ImportProposal(Samples.Proposal() with { Name = "Northern Bridge 2027 (revised)" }, "tur.coordinator"));

        var update = await Fixture.WithDb(db => db.AuditEntries
            .Where(e => e.EntityType == "Proposal" && e.Change == "Modified").OrderBy(e => e.Sequence).LastAsync());
        Assert.Contains($"\"Content\":\"{ContentDigest.Of(indented)}\"", update.Before);
        Assert.Contains($"\"Content\":\"{ContentDigest.Of(await StoredAsync("Proposals"))}\"", update.After);
    }

    [Fact]
    public async Task A_submitted_revision_stores_the_proposals_text_as_it_stands()
    {
        var indented = await DraftStoredIndentedAsync();

        await Fixture.Send(new SubmitProposal(Code, "tur.coordinator"));

        // Not made again: the revision holds the very text it was submitted from.
        Assert.Equal(indented, await StoredAsync("ProposalRevisions"));
    }

    [Fact]
    public void A_content_is_serialised_once_however_many_ask()
    {
        var content = Samples.Proposal();
        var text = ContentText.Of(content);
        Assert.Same(text, ContentText.Of(content));
        Assert.Same(text, ContentText.Of(ContentText.Read(text)));
    }
}
