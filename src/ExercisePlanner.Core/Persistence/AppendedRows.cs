using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ExercisePlanner.Core.Persistence;

/// <summary>
/// Inserts records that are only ever appended (audit entries, notifications, mail to send) without the change tracker,
/// inside the caller's writer transaction. EF inserts tracked records one statement each on SQLite, and a submission
/// that opens 50 steps appends about 300 of these: through the tracker they were most of the time it held the writer
/// lock (docs/benchmarks.md). Columns, names and value conversions come from the context's own mapping; ids the
/// database generates are left to it, so the records keep no id in memory. The unit of work must not change them after
/// its save: they are no longer tracked (nothing does today; an exception rolls the whole transaction back).
/// </summary>
public static class AppendedRows
{
    // SQLite runs in the process: one prepared statement, run once per row, costs least (it looks each parameter's
    // name up among the statement's, so long statements cost more). PostgreSQL: fewer statements, fewer round trips.
    private const int RowsPerPostgresStatement = 50;

    public static async Task InsertAsync<T>(DbContext context, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} records are appended inside the writer's transaction.");
        var entityType = context.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var sql = context.GetService<ISqlGenerationHelper>();
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES ";
        var perStatement = context.Database.IsSqlite() ? 1 : RowsPerPostgresStatement;

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        if (context.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            command.Parameters.Clear();
            var values = new List<string>(chunk.Length);
            foreach (var row in chunk)
            {
                var names = new List<string>(columns.Count);
                foreach (var column in columns)
                {
                    var name = $"p{command.Parameters.Count}";
                    command.Parameters.Add(column.GetRelationalTypeMapping()
                        .CreateParameter(command, sql.GenerateParameterName(name), column.GetGetter().GetClrValue(row), column.IsNullable));
                    names.Add(sql.GenerateParameterNamePlaceholder(name));
                }
                values.Add("(" + string.Join(", ", names) + ")");
            }
            // The same text keeps SQLite's statement prepared from row to row.
            var text = insert + string.Join(", ", values);
            if (command.CommandText != text) command.CommandText = text;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
