using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Demo;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ExercisePlanner.Testing;

namespace ExercisePlanner.Benchmarks;

/// <summary>
/// Issue 6 (d): the dashboard's two queries (a user's inbox and the proposals their nation takes part
/// in, a page of each) through the mediator, on a database seeded with 100,000 proposals and
/// 1,000,000 workflow steps: one proposal in ten in flight, the rest decided.
/// </summary>
public static class DashboardQueries
{
    private static readonly string[] Nations =
        ["JOR", "TUR", "PAK", "IDN", "MYS", "USA", "GBR", "FRA", "DEU", "ITA", "ESP", "NLD", "POL", "NOR", "DNK",
         "SWE", "FIN", "CAN", "AUS", "NZL", "JPN", "KOR", "IND", "EGY", "MAR", "SAU", "ARE", "QAT", "KWT", "OMN"];

    public static async Task PrintAsync(DatabaseSettings database, int proposals, int stepsPerProposal)
    {
        await using var services = PlannerServices.Build(database);
        await services.InitializePlannerAsync();
        var sender = services.GetRequiredService<IsolatedSender>();
        await sender.Send(new AddUser(DemoData.Coordinator, "TUR", ["coordinator"]));
        foreach (var nation in Nations) await sender.Send(new AddUser($"{nation.ToLowerInvariant()}.approver", nation, ["national-approver"]));
        await sender.Send(new AddUser("admin", "TUR", [User.Admin]));

        var seeding = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
            await SeedAsync(scope.ServiceProvider.GetRequiredService<PlannerDbContext>(), proposals, stepsPerProposal);
        Console.WriteLine($"dashboard queries on {database.Provider}: seeded {proposals:N0} proposals and {proposals * stepsPerProposal:N0} steps in {seeding.Elapsed.TotalSeconds:0} s");

        var middle = $"SEED-{proposals / 2:000000}";
        var queries = new (string Name, Func<Task<int>> Run)[]
        {
            ("inbox, first 50 (jor.approver)", async () => (await sender.Send(new ListSteps("jor.approver", Limit: Paging.DefaultLimit))).Count),
            ("inbox, first 50 (omn.approver)", async () => (await sender.Send(new ListSteps("omn.approver", Limit: Paging.DefaultLimit))).Count),
            ("proposals, first page (pak.approver)", async () => (await sender.Send(new ListProposals("pak.approver", null, Paging.DefaultLimit))).Count),
            ("proposals, page from the middle (pak.approver)", async () => (await sender.Send(new ListProposals("pak.approver", middle, Paging.DefaultLimit))).Count),
            ("proposals, first page (admin: all)", async () => (await sender.Send(new ListProposals("admin", null, Paging.DefaultLimit))).Count),
        };
        foreach (var (name, run) in queries)
        {
            var rows = 0;
            for (var i = 0; i < 20; i++) rows = await run(); // warm up
            var times = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await run();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"  {name,-48} {rows,3} rows  p50 {times[100]:0.00} ms  p99 {times[198]:0.00} ms");
        }
    }

    /// <summary>Rows written straight through the connection in one transaction: the commands would take hours for this many.</summary>
    private static async Task SeedAsync(PlannerDbContext db, int proposals, int stepsPerProposal)
    {
        var random = new Random(27);
        var start = new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var template = DemoData.Proposal(new DateOnly(2027, 1, 1));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var proposal = Command(connection, transaction, """
            INSERT INTO "Proposals" ("Id", "Code", "Status", "Revision", "Content", "Coordinator", "CreatedAt", "UpdatedAt", "SubmittedAt", "Version", "Name", "Type", "StartDate", "EndDate")
            VALUES (@id, @code, @status, 1, @content, @coordinator, @at, @at, @at, 1, @name, 'CPX', @startDate, @endDate)
            """, "id", "code", "status", "content", "coordinator", "at", "name", "startDate", "endDate");
        var nation = Command(connection, transaction, """INSERT INTO "ProposalNations" ("ProposalId", "Nation") VALUES (@id, @nation)""", "id", "nation");
        var instance = Command(connection, transaction, """
            INSERT INTO "WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "SubjectKey", "SubjectRevision", "StartedBy", "Status", "CurrentStageId", "StartedAt", "Version")
            VALUES (@id, 'exercise-approval', 1, @code, 1, @coordinator, @status, 'national-review', @at, 1)
            """, "id", "code", "coordinator", "status", "at");
        var step = Command(connection, transaction, """
            INSERT INTO "WorkflowSteps" ("InstanceId", "SubjectKey", "SubjectRevision", "StageIndex", "StageId", "StageName", "Nation", "Role", "Status", "DecidedBy", "DecidedAt", "OpenedAt", "DueAt", "Version")
            VALUES (@instance, @code, 1, @stage, @stageId, 'National review', @nation, 'national-approver', @status, @decidedBy, @decidedAt, @at, @due, 1)
            """, "instance", "code", "stage", "stageId", "nation", "status", "decidedBy", "decidedAt", "at", "due");

        for (var id = 1; id <= proposals; id++)
        {
            var code = $"SEED-{id:000000}";
            var inFlight = id % 10 == 0;
            var at = start.AddMinutes(id);
            var taking = Nations.OrderBy(_ => random.Next()).Take(random.Next(3, 7)).ToList();
            await Run(proposal, id, code, inFlight ? "Submitted" : "Approved", JsonSerializer.Serialize(template with { Code = code }, JsonFormat.Strict),
                DemoData.Coordinator, at, template.Name, template.StartDate, template.EndDate);
            foreach (var n in taking) await Run(nation, id, n);
            await Run(instance, id, code, DemoData.Coordinator, inFlight ? "Running" : "Approved", at);
            for (var s = 0; s < stepsPerProposal; s++)
            {
                var open = inFlight && s < taking.Count;
                await Run(step, id, code, s / taking.Count, $"stage-{s / taking.Count}", taking[s % taking.Count], open ? "Open" : "Approved",
                    open ? DBNull.Value : $"{taking[s % taking.Count].ToLowerInvariant()}.approver", open ? DBNull.Value : at.AddDays(3), at, at.AddDays(14 + random.Next(30)));
            }
        }
        await transaction.CommitAsync();
        // As the autovacuum (PostgreSQL) or an operator's ANALYZE (SQLite) would after a load this size.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static Task<int> Run(DbCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        return command.ExecuteNonQueryAsync();
    }
}
