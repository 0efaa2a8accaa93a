using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

/// <summary>An administrator sets a user's e-mail address and how they want mail (each event, a daily digest, none).</summary>
public sealed record SetUserMail(string Name, string? Email, MailPreference MailPreference, string Actor) : ICommand<UserView>, IActorRequest;

public sealed class SetUserMailValidator : JsonValidator<SetUserMail>
{
    public SetUserMailValidator()
    {
        RuleFor(c => c.Email).MailAddress();
        RuleFor(c => c.MailPreference).IsInEnum();
    }
}

public sealed class SetUserMailHandler(PlannerDbContext db) : ICommandHandler<SetUserMail, UserView>
{
    public async ValueTask<UserView> Handle(SetUserMail command, CancellationToken cancellationToken)
    {
        await db.RequireAdminAsync(command.Actor, cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == command.Name, cancellationToken)
            ?? throw new NotFoundException($"no user named '{command.Name}'");
        user.SetMail(command.Email, command.MailPreference);
        return UserView.From(user);
    }
}

public static class MailAddressRule
{
    /// <summary>Empty (no mail) or one address MimeKit can parse, like <c>name@example.org</c>.</summary>
    public static IRuleBuilderOptions<T, string?> MailAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(e => string.IsNullOrWhiteSpace(e)
                       || (e.Length <= 254 && MimeKit.MailboxAddress.TryParse(e.Trim(), out var address) && address.Address == e.Trim() && e.Contains('@')))
            .WithMessage((_, e) => $"'{e}' is not an e-mail address like name@example.org");
}
