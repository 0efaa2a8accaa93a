using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Persistence;
using FluentValidation;
using Mediator;

namespace ExercisePlanner.Core.Features.Discussion;

/// <summary>Adds a comment (a question or an answer, not a decision) to a proposal's discussion; anyone who may see its content may.</summary>
public sealed record CommentOnProposal(string Code, string Text, string Actor) : ICommand<CommentView>, IActorRequest;

public sealed class CommentOnProposalValidator : JsonValidator<CommentOnProposal>
{
    public CommentOnProposalValidator() =>
        RuleFor(c => c.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("a comment cannot be empty")
            .MaximumLength(ProposalComment.MaxLength).WithMessage($"is longer than {ProposalComment.MaxLength:N0} characters");
}

public sealed class CommentOnProposalHandler(PlannerDbContext db, Notifier notifier, TimeProvider clock) : ICommandHandler<CommentOnProposal, CommentView>
{
    public async ValueTask<CommentView> Handle(CommentOnProposal command, CancellationToken cancellationToken)
    {
        // The discussion is about the content: those it is not releasable to neither read nor write it.
        var (proposal, viewer) = await db.ViewProposalAsync(command.Code, command.Actor, cancellationToken);
        viewer.RequireContent(proposal);
        var comment = new ProposalComment(proposal.Code, proposal.Revision, command.Actor, command.Text.Trim(), clock.GetUtcNow());
        db.ProposalComments.Add(comment);
        // Those who take part and those who may decide an open step read it; never its author, only where the content is releasable.
        var readers = (await db.TakingPartAsync(proposal, cancellationToken)).Concat(await db.HoldersOfOpenStepsAsync(proposal, cancellationToken));
        notifier.Notify(proposal, Notice(viewer!, comment, proposal), readers, viewer!.Name);
        return CommentView.From(comment);
    }

    private const int Quoted = 200;

    private static Notice Notice(User author, ProposalComment comment, Proposal proposal) =>
        new(NotificationKind.Comment,
            $"{Users.PersonView.From(author).WithTitle} ({author.Nation}) commented on revision {comment.Revision}: " +
            $"“{(comment.Text.Length > Quoted ? comment.Text[..Quoted] + "…" : comment.Text)}”",
            "Read it on the proposal page; answer there if it asks you something")
        { Stage = Words.Of(proposal.Status), ReleasableOnly = true };
}

/// <summary>A comment as shown in the discussion.</summary>
public sealed record CommentView(string Proposal, int Revision, string Author, string Text, DateTimeOffset At)
{
    public static CommentView From(ProposalComment c) => new(c.Proposal, c.Revision, c.Author, c.Text, c.At);
}
