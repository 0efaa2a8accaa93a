using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace ExercisePlanner.Tests.Workflows;

/// <summary>Definitions change while instances run: each instance keeps the version it started with.</summary>
public sealed class VersionPinningTests : IAsyncLifetime
{
    private readonly string _v1 = Folder(version: 1, stages: ["national-review", "final-sign-off"]);
    private readonly string _v2 = Folder(version: 2, stages: ["final-sign-off"]);
    private PlannerFixture _fixture = null!;

    public async Task InitializeAsync()
    {
        _fixture = new PlannerFixture { Workflows = _v1 };
        await _fixture.InitializeAsync();
        await _fixture.AddDemoStaffAsync();
    }

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        Directory.Delete(_v1, recursive: true);
        Directory.Delete(_v2, recursive: true);
    }

    [Fact]
    public async Task A_running_instance_finishes_on_its_version_and_new_ones_take_the_newest()
    {
        await _fixture.SubmitAsync(Approvals.FiveNations());
        Assert.Equal(4, (await _fixture.OpenStepsAsync()).Count);

        // Version 2 (final sign-off only) is deployed next to version 1.
        File.Copy(Path.Combine(_v2, "custom.json"), Path.Combine(_v1, "custom-v2.json"));
        await using var restarted = await _fixture.RestartAsync();
        var sender = restarted.GetRequiredService<Core.Common.IsolatedSender>();

        foreach (var step in await _fixture.OpenStepsAsync())
            await sender.Send(new Core.Features.Steps.DecideStep(step.Id, ExercisePlanner.Workflows.Runtime.Decision.Approve, "ok", Approvals.HolderOf(step)));
        var shown = await sender.Send(new ShowProposal(Approvals.Code));
        Assert.Equal((1, "final-sign-off"), (shown.Workflow!.Version, shown.Workflow.CurrentStage));

        var next = Approvals.FiveNations(p => p with { Code = "SOUTHERN-GATE-27" });
        await sender.Send(new ImportProposal(next, "tur.coordinator"));
        await sender.Send(new SubmitProposal(next.Code, "tur.coordinator"));
        var newer = await sender.Send(new ShowProposal(next.Code));
        Assert.Equal((2, "final-sign-off"), (newer.Workflow!.Version, newer.Workflow.CurrentStage));
        Assert.Equal(ProposalStatus.Submitted, newer.Status);
    }

    [Fact]
    public async Task Changed_content_under_a_version_in_use_is_refused_at_start_up()
    {
        var file = Path.Combine(_v1, "custom.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"P14D\"", "\"P21D\""));

        var refused = await Assert.ThrowsAsync<InvalidDefinitionException>(() => _fixture.RestartAsync());

        Assert.Equal("custom.json: $.version: version 1 of 'custom' is already in use with other content; give the change a new version",
            Assert.Single(refused.Problems).ToString());
    }

    private static string Folder(int version, string[] stages)
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        var all = new Dictionary<string, string>
        {
            ["national-review"] = """{ "id": "national-review", "name": "National review", "steps": [ { "assignees": "each", "role": "national-approver" } ], "completion": "all", "due": "P14D" }""",
            ["final-sign-off"] = """{ "id": "final-sign-off", "name": "Final sign-off", "steps": [ { "assignees": "lead", "role": "exercise-director" } ], "completion": "all", "due": "P7D" }""",
        };
        File.WriteAllText(Path.Combine(folder, "custom.json"),
            $$"""{ "id": "custom", "version": {{version}}, "name": "Custom", "stages": [ {{string.Join(", ", stages.Select(s => all[s]))}} ] }""");
        return folder;
    }
}
