using System.Text.RegularExpressions;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using FluentValidation;
using FluentValidation.Results;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>
/// The rules every proposal must meet before it can be stored as a draft. With a submission date,
/// also the planning lead time that partner nations need to staff it. Runs in time linear in the
/// proposal (lists are checked against their limits first, and membership questions go to one
/// <see cref="Participation"/> per proposal), because a request that is refused must not cost more than one that is read.
/// </summary>
public sealed partial class ProposalContentValidator : JsonValidator<ProposalContent>
{
    public const int MinimumLeadDays = 30;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    public ProposalContentValidator(DateOnly? submittedOn = null)
    {
        RuleFor(p => p.Code).Must(code => CodePattern().IsMatch(code))
            .WithMessage(p => $"'{p.Code}' is not a valid code: 3 to 32 capital letters, digits or dashes, starting with a letter or digit");
        RuleFor(p => p.Name).NotEmpty().WithMessage("is required").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
        RuleFor(p => p.Location).NotEmpty().WithMessage("is required").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
        RuleFor(p => p.Summary).MaximumLength(MaxTextLength).WithMessage(TooLong(MaxTextLength));
        RuleFor(p => p.Type).IsInEnum();
        RuleFor(p => p.Classification).IsInEnum();
        RuleFor(p => p.EndDate).GreaterThanOrEqualTo(p => p.StartDate)
            .WithMessage(p => $"{p.EndDate:yyyy-MM-dd} is before startDate {p.StartDate:yyyy-MM-dd}");
        if (submittedOn is { } today)
            RuleFor(p => p.StartDate).Must(start => start.DayNumber - today.DayNumber >= MinimumLeadDays)
                .WithMessage(p => $"{p.StartDate:yyyy-MM-dd} is less than {MinimumLeadDays} days after the submission date {today:yyyy-MM-dd}");

        RuleFor(p => p.Participants).NotEmpty().WithMessage("at least one participant is required");
        RuleForEach(p => p.Participants).ChildRules(participant =>
        {
            participant.RuleFor(x => x.Nation).Must(Nation.Exists).WithMessage(x => $"unknown nation '{x.Nation}'");
            participant.RuleFor(x => x.Roles).NotEmpty().WithMessage("at least one role is required")
                .Must(roles => roles.ToHashSet().Count == roles.Count).WithMessage("a role is listed twice")
                .Must(roles => !roles.Contains(ParticipantRole.Observer) || roles.Count == 1)
                .WithMessage("an observer cannot hold another role");
        });
        RuleFor(p => p.Participants)
            .Must(ps => ps.Select(x => x.Nation).ToHashSet().Count == ps.Count).WithMessage("a nation is listed twice")
            .Must(ps => ps.Count(x => x.Has(ParticipantRole.Host)) == 1)
            .WithMessage(p => $"exactly one host nation is required, found {p.Participants.Count(x => x.Has(ParticipantRole.Host))}")
            .Must(ps => ps.Count(x => x.Has(ParticipantRole.Lead)) == 1)
            .WithMessage(p => $"exactly one lead nation is required, found {p.Participants.Count(x => x.Has(ParticipantRole.Lead))}")
            .Must(ps => ps.Count(x => !x.IsObserver) >= 2)
            .WithMessage("at least two nations other than observers are required");

        RuleForEach(p => p.ReleasableTo).Must((p, nation) => Participation.Of(p).Includes(nation))
            .WithMessage((_, nation) => $"'{nation}' is not a participant");

        RuleFor(p => p.Objectives).NotEmpty().WithMessage("at least one training objective is required")
            .Must(os => os.Select(o => o.Code).ToHashSet().Count == os.Count).WithMessage("an objective code is used twice");
        RuleForEach(p => p.Objectives).ChildRules(objective =>
        {
            objective.RuleFor(o => o.Code).NotEmpty().WithMessage("is required").MaximumLength(16).WithMessage(TooLong(16));
            objective.RuleFor(o => o.Text).NotEmpty().WithMessage("is required").MaximumLength(1000).WithMessage(TooLong(1000));
        });

        RuleForEach(p => p.Forces).Must(NotBeObserver).WithMessage((_, f) => $"{f.Nation} is an observer and cannot contribute forces")
            .ChildRules(force =>
            {
                force.RuleFor(f => f.Unit).NotEmpty().WithMessage("is required").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
                force.RuleFor(f => f.Personnel).InclusiveBetween(0, 100_000).WithMessage("must be between 0 and 100000");
                force.RuleFor(f => f.Equipment).MaximumLength(1000).WithMessage(TooLong(1000));
            });
        RuleForEach(p => p.Forces).Must(BeParticipant).WithMessage((_, f) => $"'{f.Nation}' is not a participant");

        RuleForEach(p => p.CostShares).Must(BeParticipant).WithMessage((_, c) => $"'{c.Nation}' is not a participant")
            .Must(NotBeObserver).WithMessage((_, c) => $"{c.Nation} is an observer and cannot carry a cost share")
            .ChildRules(share => share.RuleFor(c => c.Percent).InclusiveBetween(0, 100).WithMessage("must be between 0 and 100"));
        RuleFor(p => p.CostShares)
            .Must(cs => cs.Select(c => c.Nation).ToHashSet().Count == cs.Count).WithMessage("a nation has two cost shares")
            .Must((p, cs) => NonObserverShare(p) == 100m)
            .WithMessage(p => $"cost shares of non-observer nations sum to {NonObserverShare(p):0.##}, not 100");

        RuleForEach(p => p.Conferences).ChildRules(conference =>
        {
            conference.RuleFor(c => c.Kind).IsInEnum();
            conference.RuleFor(c => c.Location).NotEmpty().WithMessage("is required").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
        });
        RuleForEach(p => p.Conferences).Must((p, c) => c.Date <= p.StartDate)
            .WithMessage((p, c) => $"the {c.Kind} on {c.Date:yyyy-MM-dd} is after the exercise starts");

        RuleForEach(p => p.Contacts).Must(BeParticipant).WithMessage((_, c) => $"'{c.Nation}' is not a participant")
            .ChildRules(contact =>
            {
                contact.RuleFor(c => c.Name).NotEmpty().WithMessage("is required").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
                contact.RuleFor(c => c.Email).Must(e => EmailPattern().IsMatch(e)).WithMessage(c => $"'{c.Email}' is not an e-mail address");
                contact.RuleFor(c => c.Phone).MaximumLength(40).WithMessage(TooLong(40));
            });
    }

    private static string TooLong(int max) => $"is longer than {max} characters";

    /// <summary>While a list is over its limit only that is reported: the other rules would read all of it.</summary>
    public override ValidationResult Validate(ValidationContext<ProposalContent> context) =>
        ProposalLimits.Exceeded(context.InstanceToValidate) is { Count: > 0 } exceeded
            ? new ValidationResult(exceeded.Select(p => new ValidationFailure(p.Path, p.Message)))
            : base.Validate(context);

    public override Task<ValidationResult> ValidateAsync(ValidationContext<ProposalContent> context, CancellationToken cancellation = default) =>
        Task.FromResult(Validate(context));

    private static bool BeParticipant(ProposalContent p, ForceContribution f) => Participation.Of(p).Includes(f.Nation);
    private static bool BeParticipant(ProposalContent p, CostShare c) => Participation.Of(p).Includes(c.Nation);
    private static bool BeParticipant(ProposalContent p, PointOfContact c) => Participation.Of(p).Includes(c.Nation);
    private static bool NotBeObserver(ProposalContent p, ForceContribution f) => !IsObserver(p, f.Nation);
    private static bool NotBeObserver(ProposalContent p, CostShare c) => !IsObserver(p, c.Nation);
    private static bool IsObserver(ProposalContent p, string nation) => Participation.Of(p).Observes(nation);

    private static decimal NonObserverShare(ProposalContent p) =>
        p.CostShares.Where(c => !IsObserver(p, c.Nation)).Sum(c => c.Percent);

    // \A and \z, not ^ and $: "$" also matches before a final line break, so "CODE\n" would pass.
    [GeneratedRegex(@"\A[A-Z0-9][A-Z0-9-]{2,31}\z")]
    public static partial Regex CodePattern();

    [GeneratedRegex(@"\A[^@\s<>]{1,64}@[^@\s<>]{1,190}\.[^@\s<>]{2,}\z")]
    private static partial Regex EmailPattern();
}
