using System.Text.RegularExpressions;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Definitions;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Pages;

/// <summary>An administrator edits a definition's JSON, sees its problems and diagram as they type, saves a draft or publishes.</summary>
[Authorize(Policy = WebSetup.AdminPolicy)]
public sealed partial class WorkflowEditModel(IMediator mediator) : PlannerPage(mediator)
{
    /// <summary>Where a new workflow starts: one stage, valid as it is.</summary>
    private const string Template = """
        {
          "id": "new-workflow",
          "version": 1,
          "name": "New workflow",
          "description": "",
          "appliesTo": { "fact": "type", "equals": "FTX" },
          "stages": [
            {
              "id": "national-review",
              "name": "National review",
              "steps": [ { "assignees": "each", "role": "national-approver" } ],
              "completion": "all",
              "due": "P14D"
            }
          ],
          "onApproved": ["generate-documents", "notify-participants"]
        }
        """;

    [BindProperty] public string Json { get; set; } = "";
    public WorkflowPreview? Preview { get; private set; }

    public async Task OnGetAsync(string? id, int? version)
    {
        Json = id is not null && version is not null ? await Mediator.Send(new WorkflowDraft(id, version.Value)) : Template;
        Preview = await Mediator.Send(new PreviewWorkflow(Json));
    }

    /// <summary>The live check, called by the page's script as the administrator types.</summary>
    public async Task<IActionResult> OnPostCheckAsync()
    {
        var preview = await Mediator.Send(new PreviewWorkflow(Json));
        return new JsonResult(new { problems = preview.Problems.Select(Describe), svg = preview.Svg });
    }

    public Task<IActionResult> OnPostSaveAsync() => Attempt(async () =>
    {
        var saved = await Mediator.Send(new SaveWorkflow(Json, Actor));
        return Redirect($"/workflows?saved={Uri.EscapeDataString($"{saved.Name} version {saved.Version}")}#versions");
    });

    public Task<IActionResult> OnPostPublishAsync() => Attempt(async () =>
    {
        var published = await Mediator.Send(new SaveWorkflow(Json, Actor, Publish: true));
        return Redirect($"/workflows?published={Uri.EscapeDataString($"{published.Name} version {published.Version}")}");
    });

    protected override async Task OnRefusedAsync() => Preview = await Mediator.Send(new PreviewWorkflow(Json));

    /// <summary>"$.stages[1].steps[0].role: …" as "Stage 2, step 1, role: …", for a person reading the text.</summary>
    public static string Describe(DefinitionProblem problem) => $"{Where(problem.Path)}: {problem.Message}";

    public static string Where(string path)
    {
        var words = Index().Replace(path.TrimStart('$').TrimStart('.'), m => $" {Singular(m.Groups[1].Value)} {int.Parse(m.Groups[2].Value) + 1}");
        var parts = words.Split('.', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var text = parts.Length == 0 ? "The definition" : string.Join(", ", parts);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Singular(string list) => list.EndsWith('s') ? list[..^1] : list;

    [GeneratedRegex(@"(\w+)\[(\d+)\]")]
    private static partial Regex Index();
}
