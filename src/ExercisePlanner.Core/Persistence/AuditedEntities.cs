using ExercisePlanner.Core.Audit;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Documents;
using ExercisePlanner.Core.Features.Mail;
using ExercisePlanner.Core.Features.Notifications;
using ExercisePlanner.Workflows.Runtime;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using static ExercisePlanner.Core.Audit.AuditedModel;

namespace ExercisePlanner.Core.Persistence;

/// <summary>The planner's records whose changes go into the audit trail, each named by the key people know it by.</summary>
public static class AuditedEntities
{
    public static AuditedModel Model { get; } = new(
    [
        Key<Proposal>(proposal => proposal.Code),
        Key<ProposalNation>((entry, nation, records) => $"{Parent<Proposal>(entry, "ProposalId", records).Code}/nation/{nation.Nation}"),
        Key<ProposalRevision>((entry, revision, records) => $"{Parent<Proposal>(entry, "ProposalId", records).Code}/revision/{revision.Number}"),
        Key<User>(user => user.Name),
        Key<ProposalComment>(comment => $"{comment.Proposal}/r{comment.Revision}/comment/{comment.Author}/{comment.At:yyyyMMddHHmmssffffff}"),
        Key<WorkflowInstance>(instance => $"{instance.SubjectKey}/r{instance.SubjectRevision}"),
        Key<WorkflowStep>(StepKey),
        Key<WorkflowTimer>((entry, timer, records) => $"{StepKey(Parent<WorkflowStep>(entry, "StepId", records))}/timer/{timer.Kind}/{timer.DueAt:yyyyMMddHHmmss}"),
        Key<StoredDocument>(document => $"{document.Code}/document/{document.Kind}/v{document.Version}"),
        // Keyed by recipient, not proposal: they are not part of the proposal's history.
        Key<Notification>(notification => $"notification/{notification.Recipient}/{notification.ProposalCode}/{notification.Kind}/{notification.CreatedAt:yyyyMMddHHmmssffffff}"),
        Key<OutboxMessage>(message => $"mail/{message.MessageId}"),
        // To the microsecond, as every time in a key: PostgreSQL keeps no finer, and verify rebuilds keys from the table.
        Key<DeliveryAttempt>(attempt => $"mail/attempt/{attempt.OutboxMessageId}/{attempt.StartedAt:yyyyMMddHHmmssffffff}"),
        Key<StoredDefinition>(definition => $"workflow/{definition.Id}/v{definition.Version}"),
    ],
    // The content is in the proposal's and revisions' own columns; the trail keeps what proves it.
    property => property.ClrType == typeof(ProposalContent),
    new Dictionary<Type, string>
    {
        [typeof(AuditEntry)] = "the trail itself",
        [typeof(Nation)] = "reference data, written only by migrations (HasData)",
    });

    internal static string StepKey(WorkflowStep step) => $"{step.SubjectKey}/r{step.SubjectRevision}/{step.StageId}/{step.Nation}/{step.Role}";

    // By the entry's foreign key, not the object's: before the first save EF keeps the temporary key there, and an
    // owned nation has no navigation back to its proposal.
    private static T Parent<T>(EntityEntry entry, string foreignKey, TrackedRecords records) where T : class =>
        records.Get<T>(entry.Property(foreignKey).CurrentValue!);
}
