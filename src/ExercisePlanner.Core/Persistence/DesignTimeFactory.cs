using ExercisePlanner.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ExercisePlanner.Core.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PlannerDbContext>
{
    public PlannerDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PlannerDbContext>().UseSqlite("Data Source=design.db").Options,
        new AuditScope(), TimeProvider.System);
}
