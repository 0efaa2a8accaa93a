namespace ExercisePlanner.Core.Domain;

/// <summary>
/// An exercise proposal: the current content a coordinator edits, its status in the approval process,
/// and the snapshots submitted for approval (one per revision).
/// </summary>
public sealed class Proposal
{
    private readonly List<ProposalRevision> _revisions = [];
    private readonly List<ProposalNation> _nations = [];

    private Proposal() { } // for EF Core

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public ProposalStatus Status { get; private set; }
    /// <summary>1 for the first submission; increases on every resubmission.</summary>
    public int Revision { get; private set; }
    /// <summary>The approved revision in force; null until the first approval. An amendment under way leaves it in force.</summary>
    public int? InForceRevision { get; private set; }
    /// <summary>0 for the original proposal; N while working on (or after approval of) its Nth amendment.</summary>
    public int Amendment { get; private set; }
    public ProposalContent Content { get; private set; } = null!;

    // Copied from the content whenever it changes, so that lists and the dashboard filter and sort
    // on indexed columns instead of reading every proposal's JSON.
    public string Name { get; private set; } = "";
    public ExerciseType Type { get; private set; }
    public DateOnly StartDate { get; private set; }
    public DateOnly EndDate { get; private set; }
    /// <summary>The participating nations (any role): who may see the proposal.</summary>
    public IReadOnlyList<ProposalNation> Nations => _nations;
    public string Coordinator { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    /// <summary>Optimistic-concurrency token; bumped by the persistence layer on every save.</summary>
    public int Version { get; set; }
    public IReadOnlyList<ProposalRevision> Revisions => _revisions;

    public bool IsEditable => Status is ProposalStatus.Draft or ProposalStatus.ChangesRequested;

    /// <summary>An amendment is open: drafted, submitted or returned for changes, with an approved revision in force.</summary>
    public bool IsAmending => InForceRevision is not null && Status != ProposalStatus.Approved;

    /// <summary>The approved revision in force, if any (needs the revisions loaded).</summary>
    public ProposalRevision? InForce => InForceRevision is { } number ? _revisions.SingleOrDefault(r => r.Number == number) : null;

    public static Proposal Draft(ProposalContent content, string coordinator, DateTimeOffset now)
    {
        var proposal = new Proposal
        {
            Code = content.Code,
            Status = ProposalStatus.Draft,
            Revision = 1,
            Coordinator = coordinator,
            CreatedAt = now,
            UpdatedAt = now,
        };
        proposal.Hold(content);
        return proposal;
    }

    public void Revise(ProposalContent content, DateTimeOffset now)
    {
        if (!IsEditable)
            throw new ConflictException($"proposal {Code} is {Status}; only a draft or a proposal with changes requested can be edited");
        if (content.Code != Code)
            throw new InvalidInputException("code", $"cannot change the code of proposal {Code}");
        Hold(content);
        UpdatedAt = now;
    }

    private void Hold(ProposalContent content)
    {
        Content = content;
        // A draft may still hold a mistyped nation; only real ones decide who sees it.
        var nations = content.Participants.Select(p => p.Nation).Where(Nation.Exists).Distinct().ToList();
        // While an amendment is open, lists keep showing the revision in force, and a nation the amendment
        // adds may see the proposal (to approve it) while no nation in force loses sight of it.
        if (!IsAmending)
        {
            (Name, Type, StartDate, EndDate) = (content.Name, content.Type, content.StartDate, content.EndDate);
            _nations.RemoveAll(n => !nations.Contains(n.Nation));
        }
        _nations.AddRange(nations.Where(n => !_nations.Any(held => held.Nation == n)).Select(n => new ProposalNation(n)));
    }

    /// <summary>Opens an amendment of an approved proposal: a draft of the next revision, while the approved one stays in force.</summary>
    public void Amend(DateTimeOffset now)
    {
        if (Status != ProposalStatus.Approved)
            throw new ConflictException($"proposal {Code} is {Status}; only an approved proposal can be amended");
        Amendment++;
        Move(ProposalStatus.Draft, now);
    }

    public ProposalRevision Submit(string submittedBy, DateTimeOffset now)
    {
        if (!IsEditable)
            throw new ConflictException($"proposal {Code} is {Status}; only a draft or a proposal with changes requested can be submitted");
        if (_revisions.Count > 0) Revision++;
        var snapshot = new ProposalRevision(Revision, Content, submittedBy, now, Amendment);
        _revisions.Add(snapshot);
        Status = ProposalStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        return snapshot;
    }

    /// <summary>Why the coordinator withdrew it, in their words; kept until it is reopened (the audit trail keeps it for ever).</summary>
    public string? WithdrawalReason { get; private set; }

    /// <summary>Withdraws a submission; withdrawing an amendment (also a draft one) leaves the approved revision in force.</summary>
    public void Withdraw(DateTimeOffset now, string? reason = null)
    {
        if (Status is not (ProposalStatus.Submitted or ProposalStatus.ChangesRequested) && !IsAmending)
            throw new ConflictException($"proposal {Code} is {Status}; only a submitted proposal can be withdrawn");
        if (IsAmending) RestoreInForce(now);
        else
        {
            WithdrawalReason = reason;
            Move(ProposalStatus.Withdrawn, now);
        }
    }

    /// <summary>A withdrawn or rejected proposal becomes a draft again; its next submission is the next revision.</summary>
    public void Reopen(DateTimeOffset now)
    {
        if (Status is not (ProposalStatus.Withdrawn or ProposalStatus.Rejected))
            throw new ConflictException($"proposal {Code} is {Status}; only a withdrawn or rejected proposal can be reopened");
        WithdrawalReason = null;
        Move(ProposalStatus.Draft, now);
    }

    /// <summary>Outcome of the approval workflow for the submitted revision.</summary>
    public void Conclude(ProposalStatus outcome, DateTimeOffset now)
    {
        if (outcome is not (ProposalStatus.Approved or ProposalStatus.Rejected or ProposalStatus.ChangesRequested))
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not an approval outcome");
        if (Status != ProposalStatus.Submitted)
            throw new ConflictException($"proposal {Code} is {Status}; only a submitted proposal can be {outcome}");
        if (outcome == ProposalStatus.Approved)
        {
            InForceRevision = Revision;
            Move(outcome, now);
            Hold(Content); // the lists and nations now follow what was approved
        }
        else if (outcome == ProposalStatus.Rejected && IsAmending) RestoreInForce(now);
        else Move(outcome, now);
    }

    /// <summary>An amendment rejected or withdrawn: the content and lists return to the approved revision in force.</summary>
    private void RestoreInForce(DateTimeOffset now)
    {
        var inForce = InForce ?? throw new InvalidOperationException($"the revisions of {Code} are not loaded");
        Content = inForce.Content;
        Amendment = inForce.Amendment;
        Move(ProposalStatus.Approved, now);
        Hold(Content);
    }

    private void Move(ProposalStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }
}

/// <summary>A nation taking part in a proposal, in any role.</summary>
public sealed record ProposalNation(string Nation);

/// <summary>The content exactly as it was submitted for one revision; never changes afterwards.</summary>
public sealed class ProposalRevision
{
    private ProposalRevision() { } // for EF Core

    public ProposalRevision(int number, ProposalContent content, string submittedBy, DateTimeOffset submittedAt, int amendment = 0)
    {
        Number = number;
        Amendment = amendment;
        Content = content;
        SubmittedBy = submittedBy;
        SubmittedAt = submittedAt;
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public int Number { get; private set; }
    /// <summary>0 for the original proposal and its resubmissions; N for the Nth amendment.</summary>
    public int Amendment { get; private set; }
    public ProposalContent Content { get; private set; } = null!;
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
}
