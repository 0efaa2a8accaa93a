using System.Security.Claims;
using ExercisePlanner.Core.Features.Workflows;
using Mediator;

namespace ExercisePlanner.Web.Api;

/// <summary>Workflow definitions published at run time (administrators): drafts, publication, the versions stored.</summary>
public static class WorkflowEndpoints
{
    /// <summary>Which running approvals to move from one version to another; with <c>DryRun</c>, only what would happen.</summary>
    public sealed record MigrationRequest(int From, int To, IReadOnlyList<string>? Instances = null, IReadOnlyDictionary<string, string>? Map = null, bool DryRun = false);

    public static void MapWorkflowApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/workflows").RequireAuthorization(WebSetup.AdminPolicy);
        api.MapPost("", async (HttpRequest request, IMediator m, ClaimsPrincipal user) =>
        {
            using var reader = new StreamReader(request.Body);
            var saved = await m.Send(new SaveWorkflow(await reader.ReadToEndAsync(), Accounts.Accounts.NameOf(user)));
            return Results.Created($"/api/v1/workflows/{saved.Id}/versions/{saved.Version}", saved);
        }).WithSummary("Store a definition (the JSON of a workflow file) as a draft version, or replace the draft of that version");
        api.MapPost("/{id}/versions/{version:int}/publication", (string id, int version, IMediator m, ClaimsPrincipal user) =>
                m.Send(new PublishWorkflow(id, version, Accounts.Accounts.NameOf(user))))
            .WithSummary("Publish a draft version: new submissions take it, running approvals stay on their version");
        api.MapPost("/{id}/migrations", async (string id, MigrationRequest body, IMediator m, ClaimsPrincipal user) =>
        {
            var report = await m.Send(new MigrateWorkflow(id, body.From, body.To, body.Instances ?? [], body.Map ?? new Dictionary<string, string>(),
                body.DryRun, Accounts.Accounts.NameOf(user)));
            return report.DryRun || report.Migrated
                ? Results.Ok(report)
                : Results.Problem(statusCode: 409, title: "Some approvals cannot be mapped to the new version; nothing was migrated",
                    detail: string.Join("; ", report.Refused.Select(r => $"{r.Proposal}: {r.Refusal}")), extensions: new Dictionary<string, object?> { ["report"] = report });
        }).WithSummary("Move running approvals to another version (dryRun: only show, per approval, which steps carry over, are cancelled or open)");
        api.MapGet("/versions", (IMediator m) => m.Send(new ListWorkflowVersions()))
            .WithSummary("Every stored version of every workflow, drafts and published, with how many approvals run on each");
    }
}
