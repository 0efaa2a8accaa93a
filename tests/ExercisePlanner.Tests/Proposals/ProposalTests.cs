using ExercisePlanner.Core.Domain;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>The proposal aggregate's own rules, without a database.</summary>
public sealed class ProposalTests
{
    private static readonly DateTimeOffset Now = PlannerFixture.Today;

    [Fact]
    public void Each_resubmission_raises_the_revision_and_keeps_the_earlier_snapshot()
    {
        var proposal = Proposal.Draft(Samples.Proposal(), "tur.coordinator", Now);
        proposal.Submit("tur.coordinator", Now);
        proposal.Conclude(ProposalStatus.ChangesRequested, Now.AddDays(3));
        proposal.Revise(Samples.Proposal() with { Location = "King Abdullah II Special Operations Training Center" }, Now.AddDays(4));
        proposal.Submit("tur.coordinator", Now.AddDays(4));

        Assert.Equal(2, proposal.Revision);
        Assert.Equal([1, 2], proposal.Revisions.Select(r => r.Number));
        Assert.Equal("Joint Staff College, Amman", proposal.Revisions[0].Content.Location);
        Assert.Equal("King Abdullah II Special Operations Training Center", proposal.Revisions[1].Content.Location);
    }

    [Theory]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Rejected)]
    public void A_concluded_proposal_can_be_neither_edited_nor_withdrawn(ProposalStatus outcome)
    {
        var proposal = Proposal.Draft(Samples.Proposal(), "tur.coordinator", Now);
        proposal.Submit("tur.coordinator", Now);
        proposal.Conclude(outcome, Now);

        Assert.Throws<ConflictException>(() => proposal.Revise(Samples.Proposal(), Now));
        Assert.Throws<ConflictException>(() => proposal.Submit("tur.coordinator", Now));
        Assert.Throws<ConflictException>(() => proposal.Withdraw(Now));
        Assert.Throws<ConflictException>(() => proposal.Conclude(ProposalStatus.Approved, Now));
    }

    [Fact]
    public void The_code_of_a_proposal_never_changes()
    {
        var proposal = Proposal.Draft(Samples.Proposal(), "tur.coordinator", Now);
        var refused = Assert.Throws<InvalidInputException>(() => proposal.Revise(Samples.Proposal() with { Code = "OTHER-27" }, Now));
        Assert.Equal("code", Assert.Single(refused.Problems).Path);
    }

    [Fact]
    public void Nations_cover_iso_3166_alpha_3()
    {
        Assert.Equal(249, Nation.All.Count);
        Assert.Equal("Jordan", Nation.NameOf("JOR"));
        Assert.True(Nation.Exists("MYS"));
        Assert.False(Nation.Exists("XYZ"));
        Assert.False(Nation.Exists("jor"));
    }
}
