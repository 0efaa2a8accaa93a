using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
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

public sealed class CommentOnProposalHandler(PlannerDbContext db, TimeProvider clock) : ICommandHandler<CommentOnProposal, CommentView>
{
    public async ValueTask<CommentView> Handle(CommentOnProposal command, CancellationToken cancellationToken)
    {
        // The discussion is about the content: those it is not releasable to neither read nor write it.
        var (proposal, viewer) = await db.ViewProposalAsync(command.Code, command.Actor, cancellationToken);
        viewer.RequireContent(proposal);
        var comment = new ProposalComment(proposal.Code, proposal.Revision, command.Actor, command.Text.Trim(), clock.GetUtcNow());
        db.ProposalComments.Add(comment);
        return CommentView.From(comment);
    }
}

/// <summary>A comment as shown in the discussion.</summary>
public sealed record CommentView(string Proposal, int Revision, string Author, string Text, DateTimeOffset At)
{
    public static CommentView From(ProposalComment c) => new(c.Proposal, c.Revision, c.Author, c.Text, c.At);
}
