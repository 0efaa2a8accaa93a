using ExercisePlanner.Core.Features.Audit;

namespace ExercisePlanner.Tests.Infrastructure;

public static class AuditAssertions
{
    /// <summary>The trail verifies; if not, the failure says where and why.</summary>
    public static void AssertIntact(this AuditVerification verification) =>
        Assert.True(verification.Intact, $"{verification.FirstBreak}\n{string.Join("\n", verification.Differences)}");
}
