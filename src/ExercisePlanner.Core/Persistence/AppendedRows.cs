using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ExercisePlanner.Core.Persistence;

/// <summary>
/// Inserts records without the change tracker, inside the caller's writer transaction: records that are only ever
/// appended (audit entries, notifications, mail to send) and the records a submission opens (its workflow instance,
/// a step per nation, their timers). EF inserts tracked records one statement each on SQLite, with its per-record work
/// around each, and a submission that opens 50 steps writes about 450: through the tracker they were most of the time
/// it held the writer lock (docs/benchmarks.md). Columns, names and value conversions come from the context's own
/// mapping. The records are not tracked afterwards: the unit of work must not change them after the insert.
/// </summary>
public static class AppendedRows
{
    // SQLite runs in the process: one prepared statement, run once per row, costs least (it looks each parameter's
    // name up among the statement's, so long statements cost more). PostgreSQL: COPY, one stream for all rows; a
    // single row whose id is wanted goes as an INSERT that returns it.

    /// <summary>
    /// Inserts <paramref name="rows"/>. With <paramref name="readIds"/> each row gets the id the database gives it (a
    /// single generated key), for the records that refer to it; otherwise the ids stay the database's alone.
    /// </summary>
    public static async Task InsertAsync<T>(DbContext context, IReadOnlyList<T> rows, CancellationToken cancellationToken, bool readIds = false)
        where T : class
    {
        if (rows.Count == 0) return;
        var transaction = context.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} records are inserted inside the writer's transaction.");
        var entityType = context.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = context.GetService<ISqlGenerationHelper>();
        var sqlite = context.Database.IsSqlite();
        var id = readIds ? entityType.FindPrimaryKey()!.Properties.Single() : null;

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        if (context.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
        // Each row's INSERT returns its id on SQLite, and a single row's on PostgreSQL. Else (PostgreSQL's COPY returns
        // none): ids taken from the key's own sequence first, and written with the rows.
        var returnIds = id is not null && (sqlite || rows.Count == 1);
        var reserveIds = id is not null && !returnIds;
        if (reserveIds) await ReserveIdsAsync(command, sql.DelimitIdentifier(table.Name, table.Schema), id!, table, rows, cancellationToken);
        var columns = entityType.GetProperties()
            .Where(p => p.ValueGenerated == ValueGenerated.Never || (p == id && reserveIds)).ToList();
        var columnList = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        if (!sqlite && !returnIds)
        {
            await CopyAsync((NpgsqlConnection)transaction.Connection!, $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) FROM STDIN (FORMAT BINARY)",
                columns, rows, cancellationToken);
            return;
        }
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) VALUES ";
        var returning = returnIds ? " RETURNING " + sql.DelimitIdentifier(id!.GetColumnName(table)!) : "";

        // One statement text for every row keeps SQLite's statement prepared from row to row.
        command.CommandText = insert + "(" + string.Join(", ", columns.Select((_, i) => sql.GenerateParameterNamePlaceholder($"p{i}"))) + ")" + returning;
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
                command.Parameters.Add(columns[i].GetRelationalTypeMapping()
                    .CreateParameter(command, sql.GenerateParameterName($"p{i}"), columns[i].GetGetter().GetClrValue(row), columns[i].IsNullable));
            if (returning.Length == 0) await command.ExecuteNonQueryAsync(cancellationToken);
            else SetId(id!, row, await command.ExecuteScalarAsync(cancellationToken));
        }
    }

    /// <summary>
    /// PostgreSQL's bulk load: one message stream for all rows, no statement to parse or plan (a 50-row INSERT with
    /// 850 parameters cost more than the rows). Values go as their provider types, which Npgsql writes as the columns'.
    /// </summary>
    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IReadOnlyList<IProperty> columns, IReadOnlyList<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.GetGetter().GetClrValue(row);
                if (value is not null && column.GetTypeMapping().Converter is { } converter) value = converter.ConvertToProvider(value);
                if (value is null) await importer.WriteNullAsync(cancellationToken);
                else await importer.WriteAsync(value, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task ReserveIdsAsync<T>(DbCommand command, string tableName, IProperty id, StoreObjectIdentifier table, IReadOnlyList<T> rows,
        CancellationToken cancellationToken) where T : class
    {
        command.CommandText = "SELECT nextval(pg_get_serial_sequence(@table, @column)) FROM generate_series(1, @count)";
        command.Parameters.Clear();
        foreach (var (name, value) in new (string, object)[] { ("table", tableName), ("column", id.GetColumnName(table)!), ("count", rows.Count) })
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }
        var ids = new List<long>(rows.Count);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetInt64(0));
        // In ascending order, as the database would have given them one by one.
        ids.Sort();
        for (var i = 0; i < rows.Count; i++) SetId(id, rows[i], ids[i]);
    }

    private static void SetId(IProperty id, object row, object? value) =>
        id.PropertyInfo!.SetValue(row, Convert.ChangeType(value, id.ClrType, System.Globalization.CultureInfo.InvariantCulture));
}
