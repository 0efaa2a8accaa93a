namespace ExercisePlanner.Core.Domain;

/// <summary>
/// A question or answer on a proposal that is not a decision, kept with the revision that was current
/// when it was written, so the discussion of every round survives resubmission.
/// </summary>
public sealed class ProposalComment
{
    public const int MaxLength = 2000;

    private ProposalComment() { } // for EF Core

    public ProposalComment(string proposal, int revision, string author, string text, DateTimeOffset at)
    {
        Proposal = proposal;
        Revision = revision;
        Author = author;
        Text = text;
        At = at;
    }

    public int Id { get; private set; }
    /// <summary>The proposal's code.</summary>
    public string Proposal { get; private set; } = "";
    public int Revision { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}
