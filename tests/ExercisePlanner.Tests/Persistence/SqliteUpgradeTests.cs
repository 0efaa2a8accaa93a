using System.Text.Json;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ExercisePlanner.Testing;

namespace ExercisePlanner.Tests.Persistence;

/// <summary>An SQLite file made by the first release is brought up to date on start, its proposals listed as before.</summary>
public sealed class SqliteUpgradeTests : IAsyncDisposable
{
    private readonly TestDatabase _database = TestDatabase.CreateSqlite("upgrade");

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Proposals_stored_before_the_list_columns_get_them_from_their_content()
    {
        await using var services = PlannerServices.Build(_database.Settings);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
            await db.GetService<IMigrator>().MigrateAsync("20261125181610_Initial");
            // A draft as the first release wrote it: content JSON only.
            var content = JsonSerializer.Serialize(Samples.Proposal(), JsonFormat.Strict);
            await _database.ExecuteAsync($"""
                INSERT INTO "Users" ("Name", "Nation", "Roles", "Title") VALUES ('pak.approver', 'PAK', '["national-approver"]', '');
                INSERT INTO "Proposals" ("Code", "Status", "Revision", "Content", "Coordinator", "CreatedAt", "UpdatedAt", "Version")
                VALUES ('NORTHERN-BRIDGE-27', 'Draft', 1, '{content.Replace("'", "''")}', 'tur.coordinator', '2027-01-11 09:00:00', '2027-01-11 09:00:00', 1);
                """);
        }

        await services.InitializePlannerAsync(); // the start of the new release

        var listed = Assert.Single(await services.GetRequiredService<IsolatedSender>().Send(new ListProposals("pak.approver")));
        Assert.Equal(("NORTHERN-BRIDGE-27", "Northern Bridge 2027", Samples.Proposal().StartDate), (listed.Code, listed.Name, listed.StartDate));
        await using var check = services.CreateAsyncScope();
        var nations = await check.ServiceProvider.GetRequiredService<PlannerDbContext>().Proposals.SelectMany(p => p.Nations.Select(n => n.Nation)).ToListAsync();
        Assert.Equal(Samples.Proposal().Participants.Select(p => p.Nation).Order(), nations.Order());
    }
}
