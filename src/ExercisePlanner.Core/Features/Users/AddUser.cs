using System.Text.RegularExpressions;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ExercisePlanner.Core.Features.Users;

public sealed record AddUser(string Name, string Nation, IReadOnlyList<string> Roles, string Title = "", string Actor = "system")
    : ICommand<UserView>, IActorRequest
{
    /// <summary>Rank and name as people know them ("Brig Gen Khaled Al-Masri").</summary>
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public MailPreference MailPreference { get; init; } = MailPreference.EachEvent;
}

public sealed record UserView(string Name, string Nation, IReadOnlyList<string> Roles, string Title, string DisplayName)
{
    public string? Email { get; init; }
    public MailPreference MailPreference { get; init; }
    /// <summary>When an administrator deactivated the user; null while active.</summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    public static UserView From(User user) => new(user.Name, user.Nation, user.Roles, user.Title, user.DisplayName)
    {
        Email = user.Email, MailPreference = user.MailPreference, DeactivatedAt = user.DeactivatedAt,
    };
}

public sealed partial class AddUserValidator : JsonValidator<AddUser>
{
    public AddUserValidator()
    {
        RuleFor(c => c.Name).Must(n => NamePattern().IsMatch(n))
            .WithMessage(c => $"'{c.Name}' is not a valid user name: 2 to 64 letters, digits, dots, dashes or underscores");
        RuleFor(c => c.Nation).Must(Nation.Exists).WithMessage(c => $"unknown nation '{c.Nation}'");
        RuleFor(c => c.Roles).NotEmpty().WithMessage("at least one role is required");
        RuleForEach(c => c.Roles).Must(r => RolePattern().IsMatch(r))
            .WithMessage((_, r) => $"'{r}' is not a valid role: lower-case words joined by dashes");
        RuleFor(c => c.Title).MaximumLength(100).WithMessage("is longer than 100 characters");
        RuleFor(c => c.DisplayName).MaximumLength(100).WithMessage("is longer than 100 characters");
        RuleFor(c => c.Email).MailAddress();
        RuleFor(c => c.MailPreference).IsInEnum();
    }

    // \A and \z: "$" would also match before a final line break.
    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{1,63}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"\A[a-z][a-z0-9]*(-[a-z0-9]+)*\z")]
    internal static partial Regex RolePattern();
}

public sealed class AddUserHandler(PlannerDbContext db) : ICommandHandler<AddUser, UserView>
{
    public async ValueTask<UserView> Handle(AddUser command, CancellationToken cancellationToken)
    {
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.Name == command.Name, cancellationToken))
            throw new ConflictException($"user '{command.Name}' already exists");
        var user = new User(command.Name, command.Nation, command.Roles, command.Title, command.DisplayName.Trim());
        user.SetMail(command.Email, command.MailPreference);
        db.Users.Add(user);
        return UserView.From(user);
    }
}
