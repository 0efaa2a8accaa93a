using System.Text.Json;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Cli;

/// <summary><c>user deactivate</c> and <c>user role add|remove</c> as a real process: administrators only, one line and exit 2 for bad input.</summary>
public sealed class UserCliTests : IDisposable
{
    private readonly CliProcess _cli = new();

    public void Dispose() => _cli.Dispose();

    private Task<CliResult> Ok(params string[] args) => _cli.OkAsync(args);

    private async Task Refused(string error, params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.Equal((2, error), (result.ExitCode, result.Error.Trim()));
    }

    [Fact]
    public async Task An_administrator_deactivates_a_user_and_changes_roles_others_and_bad_input_are_refused()
    {
        await Ok("user", "add", "admin", "--nation", "TUR", "--role", "admin");
        await Ok("user", "add", "jor.approver", "--nation", "JOR", "--role", "national-approver");
        await Ok("user", "add", "jor.legal", "--nation", "JOR", "--role", "legal-advisor");

        var given = await Ok("user", "role", "add", "jor.legal", "logistics-officer", "--as", "admin");
        Assert.Equal("jor.legal of Jordan (JOR) now holds the logistics officer role; roles: legal advisor, logistics officer", given.Output.Trim());
        var taken = await Ok("user", "role", "remove", "jor.legal", "legal-advisor", "--as", "admin", "--json");
        Assert.Equal(["logistics-officer"], JsonDocument.Parse(taken.Output).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        await Refused("error: not allowed: jor.approver is not an administrator", "user", "deactivate", "jor.legal", "--as", "jor.approver");
        await Refused("error: not allowed: jor.approver is not an administrator", "user", "role", "add", "jor.approver", "admin", "--as", "jor.approver");
        await Refused("error: no user named 'nobody'", "user", "deactivate", "nobody", "--as", "admin");
        await Refused("error: role: 'Legal' is not a valid role: lower-case words joined by dashes, such as legal-advisor", "user", "role", "add", "jor.legal", "Legal", "--as", "admin");
        await Refused("error: name: admin is the last administrator and cannot be deactivated: make another user an administrator first", "user", "deactivate", "admin", "--as", "admin");
        await Refused("error: role: the administrator role is admin's only one: give them another first, or deactivate them", "user", "role", "remove", "admin", "admin", "--as", "admin");

        var deactivated = await Ok("user", "deactivate", "jor.legal", "--as", "admin");
        Assert.StartsWith("deactivated jor.legal of Jordan (JOR) on ", deactivated.Output.Trim());
        var again = await _cli.RunAsync("user", "deactivate", "jor.legal", "--as", "admin");
        Assert.Equal(3, again.ExitCode);
        var acting = await _cli.RunAsync("step", "list", "--as", "jor.legal");
        Assert.Equal(2, acting.ExitCode);
        Assert.StartsWith("error: not allowed: jor.legal was deactivated on ", acting.Error.Trim());
        Assert.Contains("audit trail intact", (await Ok("audit", "verify")).Output);
    }
}
