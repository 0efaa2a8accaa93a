using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Definitions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Infrastructure;

/// <summary>
/// Turns the planner's refusals into RFC 7807 problem details (validation problems keyed by field),
/// and anything unexpected into a bare 500 with no stack trace.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // Pages get the friendly error page (UseExceptionHandler's path, which the request already points at).
        var path = context.Features.Get<IExceptionHandlerFeature>()?.Path ?? context.Request.Path;
        if (!WebSetup.IsApi(path)) return false;
        var details = For(exception);
        if (details.Status == StatusCodes.Status500InternalServerError)
            logger.LogError(exception, "Unhandled error on {Path}", context.Request.Path);
        context.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = details, Exception = exception });
    }

    public static ProblemDetails For(Exception exception) => exception switch
    {
        InvalidInputException invalid => Validation(invalid.Problems.Select(p => (p.Path, p.Message)), invalid.Subject),
        InvalidDefinitionException definition => Validation(definition.Problems.Select(p => ($"{p.File}:{p.Path}", p.Message)), null),
        BadHttpRequestException bad => new ProblemDetails { Status = 400, Title = "The request could not be read.", Detail = Unwrap(bad) },
        NotFoundException notFound => new ProblemDetails { Status = 404, Title = "Not found.", Detail = notFound.Message },
        ForbiddenException forbidden => new ProblemDetails { Status = 403, Title = "Not allowed.", Detail = forbidden.Message },
        StaleVersionException stale => new ProblemDetails { Status = 412, Title = "Changed since you read it.", Detail = stale.Message },
        UnstaffedException unstaffed => Unstaffed(unstaffed),
        ConflictException conflict => new ProblemDetails { Status = 409, Title = "Conflict.", Detail = conflict.Message },
        _ => new ProblemDetails { Status = 500, Title = "An unexpected error occurred." },
    };

    /// <summary>422: the proposal is fine, but nobody could decide some of its steps; each nation and role, and whom to ask.</summary>
    private static ProblemDetails Unstaffed(UnstaffedException unstaffed) => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Some steps would have no one to decide them.",
        Detail = unstaffed.Message,
        Extensions =
        {
            ["missing"] = unstaffed.Missing.Select(m => new { m.Stage, m.Nation, m.Role, m.Escalation, m.Sentence }).ToList(),
            ["administrators"] = unstaffed.Administrators,
        },
    };

    private static ValidationProblemDetails Validation(IEnumerable<(string Path, string Message)> problems, string? subject) =>
        new(problems.GroupBy(p => p.Path.Length == 0 ? "$" : p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()))
        {
            Status = 400,
            Title = "The request is not valid.",
            Detail = subject,
        };

    // Body binding failures wrap the serializer's error, which says where; the outer message does not.
    private static string Unwrap(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json ? $"{json.Path}: {Core.Common.JsonFormat.Describe(json)}" : bad.Message;
}
