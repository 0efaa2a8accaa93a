using ExercisePlanner.Core.Domain;

namespace ExercisePlanner.Core.Persistence;

/// <summary>The records whose changes go into the audit trail, each named by the key people know it by.</summary>
internal static class AuditedEntities
{
    public static string? KeyOf(object entity) => entity switch
    {
        Proposal proposal => proposal.Code,
        User user => user.Name,
        _ => null,
    };
}
