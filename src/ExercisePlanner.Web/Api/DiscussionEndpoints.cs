using System.Security.Claims;
using ExercisePlanner.Core.Features.Discussion;
using ExercisePlanner.Core.Features.Proposals;
using Mediator;

namespace ExercisePlanner.Web.Api;

/// <summary>What approvers read before deciding: the comparison of two revisions, and the discussion's comments.</summary>
public static class DiscussionEndpoints
{
    public sealed record CommentRequest(string Text);

    public static void MapDiscussionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        api.MapGet("/proposals/{code}/changes", (string code, int from, int to, IMediator m, ClaimsPrincipal user) =>
                m.Send(new CompareRevisions(code, from, to, Accounts.Accounts.NameOf(user))))
            .WithSummary("What changed between two revisions: fields with old and new value, list rows added, removed or changed");
        api.MapPost("/proposals/{code}/comments", async (string code, CommentRequest body, IMediator m, ClaimsPrincipal user) =>
            {
                var comment = await m.Send(new CommentOnProposal(code, body.Text, Accounts.Accounts.NameOf(user)));
                return Results.Created($"/api/v1/proposals/{code}", comment);
            })
            .WithSummary("Add a comment (a question or an answer, not a decision) to the proposal's discussion");
    }
}
