using System.Security.Claims;
using ExercisePlanner.Core.Features.Proposals;
using Mediator;

namespace ExercisePlanner.Web.Api;

/// <summary>Amendments of approved proposals; editing and submitting an amendment use the proposal endpoints.</summary>
public static class AmendmentEndpoints
{
    public static void MapAmendmentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapPost("/proposals/{code}/amendment", (string code, IMediator m, ClaimsPrincipal user) =>
                m.Send(new AmendProposal(code, Accounts.Accounts.NameOf(user))))
            .WithSummary("Open an amendment of an approved proposal: a new draft revision, the approved one stays in force until the amendment is approved");
    }
}
