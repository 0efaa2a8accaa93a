using ExercisePlanner.Core.Domain;
using ExercisePlanner.Workflows.Runtime;

namespace ExercisePlanner.Core.Persistence;

/// <summary>The records whose changes go into the audit trail, each named by the key people know it by.</summary>
internal static class AuditedEntities
{
    public static string? KeyOf(object entity) => entity switch
    {
        Proposal proposal => proposal.Code,
        User user => user.Name,
        ProposalComment comment => $"{comment.Proposal}/r{comment.Revision}/comment/{comment.Author}/{comment.At:yyyyMMddHHmmssffffff}",
        WorkflowInstance instance => $"{instance.SubjectKey}/r{instance.SubjectRevision}",
        WorkflowStep step => $"{step.SubjectKey}/r{step.SubjectRevision}/{step.StageId}/{step.Nation}/{step.Role}",
        Features.Documents.StoredDocument document => $"{document.Code}/document/{document.Kind}/v{document.Version}",
        // Keyed by recipient, not proposal: they are not part of the proposal's history.
        Features.Notifications.Notification notification => $"notification/{notification.Recipient}/{notification.ProposalCode}/{notification.Kind}",
        Features.Mail.OutboxMessage message => $"mail/{message.MessageId}",
        Features.Mail.DeliveryAttempt attempt => $"mail/attempt/{attempt.OutboxMessageId}/{attempt.StartedAt:O}",
        StoredDefinition definition => $"workflow/{definition.Id}/v{definition.Version}",
        _ => null,
    };

    /// <summary>Values recorded by <see cref="Audit.ContentDigest"/> rather than copied: the proposal's and revisions' content.</summary>
    public static bool IsDigested(Microsoft.EntityFrameworkCore.Metadata.IProperty property) => property.ClrType == typeof(ProposalContent);
}
