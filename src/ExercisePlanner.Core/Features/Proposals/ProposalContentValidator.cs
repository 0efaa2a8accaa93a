using System.Text.RegularExpressions;
using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using FluentValidation;
using FluentValidation.Results;
using static ExercisePlanner.Core.Features.Proposals.ProposalFields;

namespace ExercisePlanner.Core.Features.Proposals;

/// <summary>How much of the rules a proposal must meet: a draft only needs what identifies it.</summary>
public enum ProposalRules
{
    /// <summary>Code and name: enough to keep half-finished work as a draft.</summary>
    Identity,
    /// <summary>Every rule: what a proposal file, and any submission, must meet.</summary>
    Complete,
}

/// <summary>
/// The rules a proposal must meet. With a submission date, also the planning lead time that partner
/// nations need to staff it. Each problem keeps its JSON path as key and reads as a sentence that names
/// the field by its label and says what to do. Runs in time linear in the proposal (lists are checked
/// against their limits first, and membership questions go to one <see cref="Participation"/> per
/// proposal), because a request that is refused must not cost more than one that is read.
/// </summary>
public sealed partial class ProposalContentValidator : JsonValidator<ProposalContent>
{
    public const int MinimumLeadDays = 30;
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The problems of <paramref name="content"/> under <paramref name="rules"/>.</summary>
    public static IReadOnlyList<Problem> Check(ProposalContent content, ProposalRules rules, DateOnly? submittedOn = null) =>
        new ProposalContentValidator(rules, submittedOn).Validate(content).Errors.Select(e => new Problem(e.PropertyName, e.ErrorMessage)).ToList();

    /// <summary>Refuses <paramref name="content"/> with every problem, or does nothing.</summary>
    public static void Require(ProposalContent content, ProposalRules rules, string? subject, DateOnly? submittedOn = null)
    {
        var problems = Check(content, rules, submittedOn);
        if (problems.Count > 0) throw new InvalidInputException(problems, subject);
    }

    public ProposalContentValidator(ProposalRules rules = ProposalRules.Complete, DateOnly? submittedOn = null)
    {
        RuleFor(p => p.Code).Must(code => CodePattern().IsMatch(code))
            .WithMessage(p => p.Code.Length == 0 ? "enter a code such as NORTHERN-BRIDGE-27"
                : $"'{p.Code}' is not a code; use 3 to 32 capital letters, digits or dashes, such as NORTHERN-BRIDGE-27");
        RuleFor(p => p.Name).NotEmpty().WithMessage("enter the exercise's name").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
        if (rules == ProposalRules.Identity) return;

        RuleFor(p => p.Location).NotEmpty().WithMessage("enter where the exercise takes place").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
        RuleFor(p => p.Summary).MaximumLength(MaxTextLength).WithMessage(TooLong(MaxTextLength));
        RuleFor(p => p.Type).IsInEnum().WithMessage("choose a type from the list");
        RuleFor(p => p.Classification).IsInEnum().WithMessage("choose a classification from the list");
        RuleFor(p => p.StartDate).NotEqual(default(DateOnly)).WithMessage("enter the date the exercise starts");
        RuleFor(p => p.EndDate).NotEqual(default(DateOnly)).WithMessage("enter the date the exercise ends")
            .GreaterThanOrEqualTo(p => p.StartDate).When(p => p.StartDate != default)
            .WithMessage(p => $"{Words.Date(p.EndDate)} is before the start date {Words.Date(p.StartDate)}; choose an end date on or after the start");
        if (submittedOn is { } today)
            RuleFor(p => p.StartDate).Must(start => start.DayNumber - today.DayNumber >= MinimumLeadDays).When(p => p.StartDate != default)
                .WithMessage(p => $"partner nations need {MinimumLeadDays} days from submission; choose a start on or after {Words.Date(today.AddDays(MinimumLeadDays))}");

        RuleFor(p => p.Participants).NotEmpty().WithMessage("add the nations taking part, with their roles");
        RuleForEach(p => p.Participants).ChildRules(participant =>
        {
            participant.RuleFor(x => x.Nation).Must(Nation.Exists)
                .WithMessage(x => x.Nation.Length == 0 ? "choose a nation from the list" : $"'{x.Nation}' is not a nation; choose one from the list");
            participant.RuleFor(x => x.Roles).NotEmpty().WithMessage("tick at least one role")
                .Must(roles => roles.ToHashSet().Count == roles.Count).WithMessage("a role is given twice; give each role once")
                .Must(roles => !roles.Contains(ParticipantRole.Observer) || roles.Count == 1)
                .WithMessage("an observer holds no other role; untick observer or the other roles");
        });
        RuleFor(p => p.Participants)
            .Must(ps => ps.Select(x => x.Nation).ToHashSet().Count == ps.Count)
            .WithMessage(p => $"{Words.Nation(Twice(p.Participants.Select(x => x.Nation)))} is listed twice; remove one of the rows")
            .Must(ps => ps.Count(x => x.Has(ParticipantRole.Host)) == 1)
            .WithMessage(p => $"tick host for exactly one nation (now {Count(p.Participants.Count(x => x.Has(ParticipantRole.Host)))})")
            .Must(ps => ps.Count(x => x.Has(ParticipantRole.Lead)) == 1)
            .WithMessage(p => $"tick lead for exactly one nation (now {Count(p.Participants.Count(x => x.Has(ParticipantRole.Lead)))}); host and lead may be the same nation")
            .Must(ps => ps.Count(x => !x.IsObserver) >= 2)
            .WithMessage("add at least two nations that are not observers");

        RuleForEach(p => p.ReleasableTo).Must((p, nation) => Participation.Of(p).Includes(nation))
            .WithMessage((_, nation) => $"{Words.Nation(nation)} does not take part; release only to participating nations");

        RuleFor(p => p.Objectives).NotEmpty().WithMessage("add at least one training objective")
            .Must(os => os.Select(o => o.Code).ToHashSet().Count == os.Count)
            .WithMessage(p => $"the code {Twice(p.Objectives.Select(o => o.Code))} is used twice; give each objective its own code");
        RuleForEach(p => p.Objectives).ChildRules(objective =>
        {
            objective.RuleFor(o => o.Code).NotEmpty().WithMessage("enter a short code such as TO-1").MaximumLength(16).WithMessage(TooLong(16));
            objective.RuleFor(o => o.Text).NotEmpty().WithMessage("describe the objective").MaximumLength(1000).WithMessage(TooLong(1000));
        });

        RuleForEach(p => p.Forces).Must(BeParticipant).WithMessage((_, f) => NotTakingPart(f.Nation))
            .Must(NotBeObserver).WithMessage((_, f) => $"{Words.Nation(f.Nation)} is an observer and contributes no forces; remove the row")
            .ChildRules(force =>
            {
                force.RuleFor(f => f.Unit).NotEmpty().WithMessage("enter the unit").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
                force.RuleFor(f => f.Personnel).InclusiveBetween(0, 100_000).WithMessage("enter a number of people from 0 to 100,000");
                force.RuleFor(f => f.Equipment).MaximumLength(1000).WithMessage(TooLong(1000));
            });

        RuleForEach(p => p.CostShares).Must(BeParticipant).WithMessage((_, c) => NotTakingPart(c.Nation))
            .Must(NotBeObserver).WithMessage((_, c) => $"{Words.Nation(c.Nation)} is an observer and carries no cost share; remove the row")
            .ChildRules(share => share.RuleFor(c => c.Percent).InclusiveBetween(0, 100).WithMessage("enter a percentage from 0 to 100"));
        RuleFor(p => p.CostShares)
            .Must(cs => cs.Select(c => c.Nation).ToHashSet().Count == cs.Count)
            .WithMessage(p => $"{Words.Nation(Twice(p.CostShares.Select(c => c.Nation)))} has two cost shares; keep one row per nation")
            .Must((p, cs) => NonObserverShare(p) == 100m)
            .WithMessage(p => $"the non-observer nations add up to {NonObserverShare(p):0.##} %, they must add up to 100 %");

        RuleForEach(p => p.Conferences).ChildRules(conference =>
        {
            conference.RuleFor(c => c.Kind).IsInEnum().WithMessage("choose the kind of conference");
            conference.RuleFor(c => c.Date).NotEqual(default(DateOnly)).WithMessage("enter the conference's date");
            conference.RuleFor(c => c.Location).NotEmpty().WithMessage("enter where the conference is held").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
        });
        RuleForEach(p => p.Conferences).Must((p, c) => c.Date <= p.StartDate).When(p => p.StartDate != default)
            .WithMessage((p, c) => $"the {c.Kind} on {Words.Date(c.Date)} is after the exercise starts ({Words.Date(p.StartDate)}); planning conferences come before it");

        RuleForEach(p => p.Contacts).Must(BeParticipant).WithMessage((_, c) => NotTakingPart(c.Nation))
            .ChildRules(contact =>
            {
                contact.RuleFor(c => c.Name).NotEmpty().WithMessage("enter the person's name").MaximumLength(MaxNameLength).WithMessage(TooLong(MaxNameLength));
                contact.RuleFor(c => c.Email).Must(e => EmailPattern().IsMatch(e))
                    .WithMessage(c => c.Email.Length == 0 ? "enter an e-mail address such as name@example.org" : $"'{c.Email}' is not an e-mail address; enter one such as name@example.org");
                contact.RuleFor(c => c.Phone).MaximumLength(40).WithMessage(TooLong(40));
            });
    }

    private static string TooLong(int max) => $"shorten it to at most {max:N0} characters";
    private static string Count(int n) => n == 0 ? "none" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string NotTakingPart(string nation) => nation.Length == 0
        ? "choose one of the participating nations"
        : $"{Words.Nation(nation)} does not take part; add it to the participating nations first";

    /// <summary>The first value listed twice (linear: one set).</summary>
    private static string Twice(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return values.FirstOrDefault(v => !seen.Add(v)) ?? "";
    }

    /// <summary>
    /// While a list is over its limit only that is reported: the other rules would read all of it.
    /// Every problem then names its field by its label, in front of what to do.
    /// </summary>
    public override ValidationResult Validate(ValidationContext<ProposalContent> context)
    {
        var result = ProposalLimits.Exceeded(context.InstanceToValidate) is { Count: > 0 } exceeded
            ? new ValidationResult(exceeded.Select(p => new ValidationFailure(p.Path, p.Message)))
            : base.Validate(context);
        foreach (var failure in result.Errors) failure.ErrorMessage = Sentence(new Problem(failure.PropertyName, failure.ErrorMessage)).Message;
        return result;
    }

    public override Task<ValidationResult> ValidateAsync(ValidationContext<ProposalContent> context, CancellationToken cancellation = default) =>
        Task.FromResult(Validate(context));

    private static bool BeParticipant(ProposalContent p, ForceContribution f) => Participation.Of(p).Includes(f.Nation);
    private static bool BeParticipant(ProposalContent p, CostShare c) => Participation.Of(p).Includes(c.Nation);
    private static bool BeParticipant(ProposalContent p, PointOfContact c) => Participation.Of(p).Includes(c.Nation);
    private static bool NotBeObserver(ProposalContent p, ForceContribution f) => !IsObserver(p, f.Nation);
    private static bool NotBeObserver(ProposalContent p, CostShare c) => !IsObserver(p, c.Nation);
    private static bool IsObserver(ProposalContent p, string nation) => Participation.Of(p).Observes(nation);

    /// <summary>What the nations other than observers pay together: the figure the editor's running total shows.</summary>
    public static decimal NonObserverShare(ProposalContent p) =>
        p.CostShares.Where(c => !IsObserver(p, c.Nation)).Sum(c => c.Percent);

    // \A and \z, not ^ and $: "$" also matches before a final line break, so "CODE\n" would pass.
    [GeneratedRegex(@"\A[A-Z0-9][A-Z0-9-]{2,31}\z")]
    public static partial Regex CodePattern();

    [GeneratedRegex(@"\A[^@\s<>]{1,64}@[^@\s<>]{1,190}\.[^@\s<>]{2,}\z")]
    private static partial Regex EmailPattern();
}
