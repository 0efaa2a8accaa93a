namespace ExercisePlanner.Web.Infrastructure;

/// <summary>Headers every response carries: no framing, no sniffing, no referrer leaks, scripts only from this site; API answers are not stored.</summary>
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
        // API answers (JSON, PDFs) hold what a user's nation may see: no browser or proxy keeps a copy.
        if (context.Request.Path.StartsWithSegments("/api")) headers.CacheControl = "no-store";
        return next();
    }
}
