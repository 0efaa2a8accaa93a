using System.Security.Claims;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using Mediator;
using Microsoft.Net.Http.Headers;

namespace ExercisePlanner.Web.Api;

/// <summary>
/// Creating, updating and reopening drafts: POST only creates (an existing code is 409, never overwritten), PUT only
/// updates, and with <c>If-Match</c> only the version the client read (412 when someone changed it since).
/// </summary>
public static class ProposalDraftEndpoints
{
    public static void MapProposalDrafts(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        api.MapPost("/proposals", async (ProposalContent content, IMediator m, ClaimsPrincipal user, HttpContext http) =>
        {
            var actor = Accounts.Accounts.NameOf(user);
            var saved = await m.Send(new ImportProposal(content, actor, "body", SaveMode.Create));
            await SetETagAsync(http, m, saved.Code, actor);
            return Results.Created($"/api/v1/proposals/{saved.Code}", saved);
        }).WithSummary("Create a draft; 409 if the code exists");

        api.MapPut("/proposals/{code}", async (string code, ProposalContent content, IMediator m, ClaimsPrincipal user, HttpContext http) =>
        {
            if (content.Code != code) throw new InvalidInputException("code", $"Code: the body is proposal {content.Code}, the address {code}; they must be the same");
            var actor = Accounts.Accounts.NameOf(user);
            var saved = await m.Send(new ImportProposal(content, actor, "body", SaveMode.Update, ExpectedVersion: IfMatch(http.Request)));
            await SetETagAsync(http, m, saved.Code, actor);
            return Results.Ok(saved);
        }).WithSummary("Update a draft; with If-Match, only at that version (412 if it changed)");

        api.MapPost("/proposals/{code}/reopening", (string code, IMediator m, ClaimsPrincipal user) =>
            m.Send(new ReopenProposal(code, Accounts.Accounts.NameOf(user)))).WithSummary("Turn a withdrawn or rejected proposal back into a draft");
    }

    /// <summary>The ETag of a proposal: its concurrency version.</summary>
    public static async Task SetETagAsync(HttpContext http, IMediator m, string code, string actor)
    {
        var current = await m.Send(new EditProposal(code, actor));
        http.Response.Headers.ETag = new EntityTagHeaderValue($"\"{current.Version}\"").ToString();
    }

    private static int? IfMatch(HttpRequest request)
    {
        if (request.Headers.IfMatch.Count == 0) return null;
        var tag = request.GetTypedHeaders().IfMatch.FirstOrDefault()?.Tag.ToString().Trim('"');
        return int.TryParse(tag, out var version)
            ? version
            : throw new StaleVersionException($"If-Match '{request.Headers.IfMatch}' is not a version of this proposal; read it again and send its ETag");
    }
}
