using System.Security.Claims;
using ExercisePlanner.Core.Features.Steps;
using Mediator;

namespace ExercisePlanner.Web.Api;

/// <summary>For administrators: the open steps nobody can decide, and giving one to a named user of its nation.</summary>
public static class StaffingEndpoints
{
    public sealed record ReassignmentRequest(string To);

    public static void MapStaffingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(WebSetup.AdminPolicy);

        api.MapGet("/steps/undecidable", (IMediator m, ClaimsPrincipal user) => m.Send(new ListUndecidableSteps(Accounts.Accounts.NameOf(user))))
            .WithSummary("Open steps nobody can decide (no user of the nation holds the role, or the one it was handed to is gone), oldest first");
        api.MapPost("/steps/{id:int}/reassignment", (int id, ReassignmentRequest body, IMediator m, ClaimsPrincipal user) =>
                m.Send(new ReassignStep(id, body.To ?? "", Accounts.Accounts.NameOf(user))))
            .WithSummary("Give an open step to a named user of the step's nation, who then decides it");
    }
}
