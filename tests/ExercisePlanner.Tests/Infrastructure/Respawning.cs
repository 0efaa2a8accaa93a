using System.Data.Common;
using Respawn;
using Respawn.Graph;

namespace ExercisePlanner.Tests.Infrastructure;

public static class Respawning
{
    /// <summary>Empties every table but the reference data: nations, and the workflow definition versions synchronised at start-up.</summary>
    public static Task<Respawner> CreateAsync(DbConnection connection) => Respawner.CreateAsync(connection, new RespawnerOptions
    {
        DbAdapter = DbAdapter.Sqlite,
        WithReseed = true,
        TablesToIgnore = [new Table("Nations"), new Table("WorkflowDefinitions"), new Table("__EFMigrationsHistory")],
    });
}
