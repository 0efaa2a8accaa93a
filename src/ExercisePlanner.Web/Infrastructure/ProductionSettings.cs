using System.Security.Cryptography.X509Certificates;
using ExercisePlanner.Core.Audit;
using ExercisePlanner.Web.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace ExercisePlanner.Web.Infrastructure;

/// <summary>
/// What a Production host must have, checked at start-up with a clear message rather than discovered later:
/// Data Protection keys (which sign cookies and tokens) encrypted at rest with a certificate from configuration,
/// an explicit host list (redirects must not follow whatever Host header arrives), Secure cookies, HSTS and
/// HTTPS redirection, an audit key outside the database, and no demo password. See docs/security.md.
/// </summary>
public static class ProductionSettings
{
    public const string CertificatePath = "DataProtection:CertificatePath";
    public const string CertificatePassword = "DataProtection:CertificatePassword";

    public static void AddProductionSettings(this WebApplicationBuilder builder, IDataProtectionBuilder dataProtection)
    {
        var config = builder.Configuration;
        var production = builder.Environment.IsProduction();
        if (config[CertificatePath] is { Length: > 0 } path)
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, config[CertificatePassword]));
        else if (production)
            throw new InvalidOperationException($"Production needs a certificate to encrypt the sign-in keys at rest: set {CertificatePath} to a PFX file with its private key (and {CertificatePassword} if it has one).");
        if (production && config[AuditKeySettings.KeyFileSetting] is not { Length: > 0 } && config[AuditKeySettings.KeySetting] is not { Length: > 0 })
            throw new InvalidOperationException($"Production needs an audit key kept outside the database: set {AuditKeySettings.KeyFileSetting} to its key file (or {AuditKeySettings.KeySetting} to 32 random bytes in base64), see docs/security.md.");
        if (production && (config["AllowedHosts"] is not { Length: > 0 } hosts || hosts.Trim() == "*"))
            throw new InvalidOperationException("Production needs AllowedHosts: the host names this site answers to, separated by ';' (not '*').");

        var secure = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        builder.Services.ConfigureApplicationCookie(options => options.Cookie.SecurePolicy = secure);
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = secure);
        builder.Services.AddHsts(options => { options.MaxAge = TimeSpan.FromDays(365); options.IncludeSubDomains = true; });
        if (production) builder.Services.AddScoped<IPasswordValidator<IdentityUser>, NoDemoPassword>();
    }

    /// <summary>HSTS (sent on HTTPS responses only) and redirection to HTTPS when the host knows its HTTPS port.</summary>
    public static void UseProductionSettings(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return;
        app.UseHsts();
        app.UseHttpsRedirection();
    }

    /// <summary>A database first started in Development holds accounts with the demo password: in Production it is never accepted, nor set.</summary>
    public static bool IsRefusedPassword(IHostEnvironment environment, string password) =>
        environment.IsProduction() && password == DemoSeed.DevelopmentPassword;

    private sealed class NoDemoPassword(IHostEnvironment environment) : IPasswordValidator<IdentityUser>
    {
        public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password) =>
            Task.FromResult(IsRefusedPassword(environment, password ?? "")
                ? IdentityResult.Failed(new IdentityError { Code = "DemoPassword", Description = "The demonstration password cannot be used outside Development." })
                : IdentityResult.Success);
    }
}
