using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace ExercisePlanner.Web.Infrastructure;

/// <summary>
/// The API takes a bearer token, or the pages' sign-in cookie. A browser sends the cookie along with any
/// request another site makes it send (a form posted cross-origin; SameSite=Strict is the only other guard), so an
/// unsafe API request (POST, PUT, PATCH, DELETE) that is signed in by cookie must also carry an antiforgery
/// token in the <see cref="HeaderName"/> header, as the pages' forms do. Bearer-token requests need none: no
/// browser adds that header by itself.
/// </summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public static async Task Apply(HttpContext context, RequestDelegate next)
    {
        if (NeedsToken(context))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 400,
                        Title = "Missing antiforgery token.",
                        Detail = $"A request signed in by cookie must carry the page's antiforgery token in the {HeaderName} header; scripts use a bearer token instead.",
                    },
                });
                return;
            }
        }
        await next(context);
    }

    private static bool NeedsToken(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        && context.User.Identity?.IsAuthenticated == true
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
