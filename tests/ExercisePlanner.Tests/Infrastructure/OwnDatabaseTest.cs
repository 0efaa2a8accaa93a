namespace ExercisePlanner.Tests.Infrastructure;

/// <summary>
/// Tests that publish workflow versions get a database of their own, with the demo staff: Respawn keeps the
/// definitions table, so what they publish would reach the tests that share a database.
/// </summary>
public abstract class OwnDatabaseTest : IAsyncLifetime
{
    protected PlannerFixture Fixture { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fixture = new PlannerFixture();
        await Fixture.InitializeAsync();
        await Fixture.AddDemoStaffAsync();
    }

    public Task DisposeAsync() => Fixture.DisposeAsync();
}
