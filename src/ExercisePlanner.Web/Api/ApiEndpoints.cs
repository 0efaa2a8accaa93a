using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Audit;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Steps;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Web.Accounts;
using ExercisePlanner.Workflows.Runtime;
using Mediator;
using Microsoft.AspNetCore.Identity;
using System.Security.Claims;

namespace ExercisePlanner.Web.Api;

/// <summary>The REST API: each endpoint only translates HTTP into one mediator request, made as the signed-in user.</summary>
public static class ApiEndpoints
{
    public sealed record DecisionRequest(Decision Decision, string Comment);
    public sealed record DelegationRequest(string To);
    public sealed record WithdrawalRequest(string? Reason);
    public sealed record TokenRequest(string UserName, string Password);

    public static void MapPlannerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();

        api.MapPost("/auth/token", async (TokenRequest request, PasswordSignIn signIn, HttpContext http) =>
            await signIn.SignInAsync(IdentityConstants.BearerScheme, request.UserName ?? "", request.Password ?? "", http.Connection.RemoteIpAddress) switch
            {
                PasswordSignIn.Outcome.SignedIn => Results.Empty,
                PasswordSignIn.Outcome.Throttled => Results.Problem(statusCode: 429, title: "Too many failed sign-ins.",
                    detail: "Too many wrong passwords for this user from your address; try again in 15 minutes."),
                _ => Results.Problem(statusCode: 401, title: "Wrong user name or password."),
            }).AllowAnonymous().RequireRateLimiting(WebSetup.LoginLimit).WithSummary("Exchange a user name and password for a bearer token");

        api.MapGet("/proposals", (string? after, int? limit, [AsParameters] ProposalQuery filter, IMediator m, ClaimsPrincipal user) =>
                m.Send(new ListProposals(Accounts.Accounts.NameOf(user), after, limit ?? Paging.DefaultLimit, filter.ToFilter())))
            .WithSummary("Proposals the user's nation takes part in, searched, filtered and sorted like the dashboard; by code, the next page starts after the last code, otherwise skip");
        api.MapGet("/proposals/{code}", async (string code, int? revision, IMediator m, ClaimsPrincipal user, HttpContext http) =>
        {
            var shown = await m.Send(new ShowProposal(code, revision, Accounts.Accounts.NameOf(user)));
            await ProposalDraftEndpoints.SetETagAsync(http, m, code, Accounts.Accounts.NameOf(user)); // for PUT's If-Match
            return shown;
        }).WithSummary("One proposal with its workflow, steps, documents and history; its ETag is the version PUT's If-Match names");
        api.MapPost("/proposals/{code}/submission", (string code, IMediator m, ClaimsPrincipal user) =>
            m.Send(new SubmitProposal(code, Accounts.Accounts.NameOf(user)))).WithSummary("Validate, freeze a revision and start the approval workflow");
        api.MapPost("/proposals/{code}/withdrawal", (string code, WithdrawalRequest? body, IMediator m, ClaimsPrincipal user) =>
            m.Send(new WithdrawProposal(code, Accounts.Accounts.NameOf(user), body?.Reason))).WithSummary("Withdraw a submitted proposal, optionally saying why");
        api.MapGet("/proposals/{code}/plan", (string code, IMediator m, ClaimsPrincipal user) =>
            m.Send(new PlanWorkflow(code, Accounts.Accounts.NameOf(user)))).WithSummary("Dry run of the approval workflow");
        api.MapGet("/proposals/{code}/documents/{kind}", async (string code, string kind, string? lang, int? revision, IMediator m, ClaimsPrincipal user) =>
        {
            // By name only: enum binding would also take "7" or "Plan,Record" and render some other document.
            var known = Enum.GetNames<DocumentKind>().FirstOrDefault(name => name.Equals(kind, StringComparison.OrdinalIgnoreCase))
                ?? throw new NotFoundException($"no document '{kind}'; there are {string.Join(", ", Enum.GetNames<DocumentKind>())}");
            var document = await m.Send(new RenderDocument(code, Enum.Parse<DocumentKind>(known), lang, Accounts.Accounts.NameOf(user), revision));
            return Results.File(document.Content, "application/pdf", document.FileName);
        }).WithSummary("The exercise plan, memorandum or approval record as PDF (nations the proposal is releasable to); ?revision=N for a submitted revision");

        api.MapGet("/steps", (string? proposal, int? limit, IMediator m, ClaimsPrincipal user) =>
                m.Send(new ListSteps(Accounts.Accounts.NameOf(user), proposal, limit ?? Paging.DefaultLimit)))
            .WithSummary("The open steps the user may decide, soonest due first");
        api.MapPost("/steps/{id:int}/decision", (int id, DecisionRequest body, IMediator m, ClaimsPrincipal user) =>
            m.Send(new DecideStep(id, body.Decision, body.Comment, Accounts.Accounts.NameOf(user)))).WithSummary("Approve, request changes or reject, with a comment");
        api.MapPost("/steps/{id:int}/delegation", (int id, DelegationRequest body, IMediator m, ClaimsPrincipal user) =>
            m.Send(new DelegateStep(id, body.To, Accounts.Accounts.NameOf(user)))).WithSummary("Hand a step to a colleague of the same nation and role");

        api.MapGet("/workflows", async (IMediator m) => (await m.Send(new ListWorkflows()))
            .Select(d => new { d.Id, d.Version, d.Name, d.Description, Stages = d.Stages.Select(st => st.Id) }))
            .WithSummary("The newest published version of every workflow definition");
        api.MapPost("/workflows/validation", async (HttpRequest request, IMediator m) =>
        {
            using var reader = new StreamReader(request.Body);
            var problems = await m.Send(new ValidateWorkflow("definition", await reader.ReadToEndAsync()));
            return new { Valid = problems.Count == 0, Problems = problems.Select(p => new { p.Path, p.Message }) };
        }).WithSummary("Check a workflow definition against the schema and the rules");
        api.MapGet("/workflows/{id}/diagram", async (string id, IMediator m) => Results.Text(await m.Send(new DiagramWorkflow(id)), "text/plain"))
            .WithSummary("A workflow definition as a Mermaid flowchart");
        api.MapGet("/audit/verification", (IMediator m) => m.Send(new VerifyAudit()))
            .RequireAuthorization(WebSetup.AdminPolicy).WithSummary("Check the audit trail's hash chain");
        api.MapPost("/users", async (NewUser body, IMediator m, UserManager<IdentityUser> users, ClaimsPrincipal user) =>
        {
            await Accounts.Accounts.RequireValidPasswordAsync(users, body.Name, body.Password);
            // The account first: Identity refuses names the planner would take (the same name in other capitals).
            // A refused planner user takes its new account back with it, so neither is left without the other.
            var account = await Accounts.Accounts.CreateAsync(users, body.Name, body.Password);
            try
            {
                var added = await m.Send(body.AsAddUser(Accounts.Accounts.NameOf(user)));
                return Results.Created($"/api/v1/users/{added.Name}", added);
            }
            catch
            {
                await users.DeleteAsync(account);
                throw;
            }
        }).RequireAuthorization(WebSetup.AdminPolicy).WithSummary("Add a user with a sign-in account");
    }
}
