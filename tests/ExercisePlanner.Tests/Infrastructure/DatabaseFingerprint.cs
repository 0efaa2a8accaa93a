using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>A hash of every row of every table: equal fingerprints mean nothing was written.</summary>
public static class DatabaseFingerprint
{
    public static async Task<string> OfAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var content = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            content.Append(table).Append('\n');
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++) content.Append(reader.GetValue(i)).Append('|');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())));
    }
}
