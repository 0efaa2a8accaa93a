using System.Threading.RateLimiting;
using ExercisePlanner.Core;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Core.Persistence;
using ExercisePlanner.Documents;
using ExercisePlanner.Web.Accounts;
using ExercisePlanner.Web.Accounts.Postgres;
using ExercisePlanner.Web.Accounts.Sqlite;
using ExercisePlanner.Web.Api;
using ExercisePlanner.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Web;

/// <summary>The web host's composition: planner services, sign-in, policies, problem details, OpenAPI, pages.</summary>
public static class WebSetup
{
    public const string AdminPolicy = "admin";
    public const string LoginLimit = "login";

    public static WebApplicationBuilder AddPlannerWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var database = DatabaseSettings.Resolve(config["Database:Provider"], config["Database:Path"], config["Database:ConnectionString"]);

        services.AddSingleton(MailSettings.Read(key => config["Mail:" + key]));
        services.AddSingleton(AuditKeySettings.Read(key => config[key] is { Length: > 0 } value ? value : null, builder.Environment.IsProduction()));
        services.AddExercisePlanner(database, config["Workflows:Path"]).AddPdfDocuments();
        services.AddHttpContextAccessor();
        services.AddScoped<AccountsAudit>();
        services.AddScoped<AccountsAuditedTables>();
        services.AddScoped<IAuditedTables>(provider => provider.GetRequiredService<AccountsAuditedTables>());
        database.AddContext<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext>(services);
        builder.AddProductionSettings(services.AddDataProtection().SetApplicationName("ExercisePlanner").PersistKeysToDbContext<AccountsDbContext>());
        services.AddIdentityApiEndpoints<IdentityUser>(options =>
            {
                options.Password.RequiredLength = 10;
                // No lockout per account, which strangers could trigger: failures are throttled per account and address (PasswordSignIn).
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager<PlannerSignInManager>();
        // Pages challenge with the sign-in form; the API turns that into 401 (see Deny) or reads a bearer token.
        services.Configure<Microsoft.AspNetCore.Authentication.AuthenticationOptions>(options =>
            options.DefaultChallengeScheme = IdentityConstants.ApplicationScheme);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/login";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            // The API answers 401/403; only pages redirect to the sign-in form.
            options.Events.OnRedirectToLogin = context => Deny(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => Deny(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireAssertion(context => IsAdmin(context.User, context.Resource)));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Sign-in attempts (posts) per address; showing the form is not limited.
            options.AddPolicy(LoginLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "local",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue("Security:LoginsPerMinute", 10), Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("form"));
        });
        services.AddProblemDetails();
        services.AddAntiforgery(options => options.HeaderName = ApiAntiforgery.HeaderName);
        // Unreadable bodies reach ProblemMapping, which says where the JSON went wrong.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemMapping>();
        services.ConfigureHttpJsonOptions(options => JsonFormat.ConfigureStrict(options.SerializerOptions));
        services.AddOpenApi("v1");
        services.AddRazorPages(options => options.Conventions.AllowAnonymousToPage("/Login").AllowAnonymousToPage("/Error"));
        services.AddHostedService(provider => new TimerSweep(
            provider.GetRequiredService<IsolatedSender>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<TimerSweep>>())
        {
            Period = TimeSpan.FromSeconds(config.GetValue("Timers:SweepSeconds", 60)),
        });
        services.AddHostedService(provider => new MailSweep(provider.GetRequiredService<MailSender>(), provider.GetRequiredService<ILogger<MailSweep>>())
        {
            Period = TimeSpan.FromSeconds(config.GetValue("Mail:SendSeconds", 10.0)),
        });
        services.AddScoped<DemoSeed>();
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton<FailedSignIns>();
        return builder;
    }

    public static async Task<WebApplication> UsePlannerWebAsync(this WebApplication app)
    {
        await app.Services.InitializePlannerAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await Database.MigrateAsync(scope.ServiceProvider.GetRequiredService<AccountsDbContext>());
            await scope.ServiceProvider.GetRequiredService<AccountsAuditedTables>().BaselineIfNeverAuditedAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DemoSeed>().SeedAsync(app.Environment, app.Configuration);
        }

        // The API answers in problem details; pages in words (Pages/Error).
        app.UseExceptionHandler("/error");
        app.UseWhen(IsApi, api => api.UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseProductionSettings();
        app.Use(SecurityHeaders.Apply);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.Use(SessionCheck.Apply);
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(ApiAntiforgery.Apply);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapPlannerApi();
        app.MapNotificationApi();
        app.MapAccountApi();
        app.MapAmendmentApi();
        app.MapWorkflowApi();
        app.MapProposalDrafts();
        app.MapDiscussionApi();
        app.MapStaffingApi();
        app.MapUserApi();
        app.MapRazorPages();
        return app;
    }

    public static bool IsApi(HttpContext context) => IsApi(context.Request.Path);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");

    private static bool IsAdmin(System.Security.Claims.ClaimsPrincipal user, object? resource)
    {
        if (user.Identity?.Name is not { } name || resource is not HttpContext http) return false;
        using var scope = http.RequestServices.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlannerDbContext>();
        return db.Users.AsNoTracking().Any(u => u.Name == name && u.Roles.Contains(Core.Domain.User.Admin));
    }

    /// <summary>
    /// The API answers 401 and 403 as they are. Pages send a stranger to the sign-in form, and answer a signed-in
    /// user who may not see a page with 403 on the spot (there is no "access denied" page to be sent to).
    /// </summary>
    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (IsApi(context.HttpContext) || status == StatusCodes.Status403Forbidden)
            context.Response.StatusCode = status;
        else context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
