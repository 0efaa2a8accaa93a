namespace ExercisePlanner.Web.Infrastructure;

/// <summary>Headers every response carries: no framing, no sniffing, no referrer leaks, scripts only from this site.</summary>
public static class SecurityHeaders
{
    public static Task Apply(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next();
    }
}
