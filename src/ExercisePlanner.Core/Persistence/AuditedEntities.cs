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
        WorkflowInstance instance => $"{instance.SubjectKey}/r{instance.SubjectRevision}",
        WorkflowStep step => $"{step.SubjectKey}/r{step.SubjectRevision}/{step.StageId}/{step.Nation}/{step.Role}",
        Features.Documents.StoredDocument document => $"{document.Code}/document/{document.Kind}/v{document.Version}",
        WorkflowNotification notification => $"{notification.SubjectKey}/{notification.Kind}/{notification.Nation}/{notification.Role}",
        _ => null,
    };
}
