using ExercisePlanner.Core.Domain;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Web.Pages.Proposals;

namespace ExercisePlanner.Tests.Web;

/// <summary>The editor's line formats: a proposal survives the round trip, and unreadable lines are named.</summary>
public sealed class ProposalFormTests
{
    [Fact]
    public void A_proposal_survives_the_editor_round_trip()
    {
        var sample = Samples.Proposal();
        var back = ProposalForm.From(sample).ToContent();
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(sample, Core.Common.JsonFormat.Strict),
            System.Text.Json.JsonSerializer.Serialize(back, Core.Common.JsonFormat.Strict));
    }

    [Fact]
    public void Unreadable_lines_are_reported_by_field_and_line()
    {
        var form = ProposalForm.From(Samples.Proposal());
        form.Participants += "\nPAK chief";
        form.CostShares = "JOR forty";
        form.Conferences = "IPC tomorrow Amman";

        var refused = Assert.Throws<InvalidInputException>(form.ToContent);

        Assert.Equal(["participants[4]", "costShares[0]", "conferences[0]"], refused.Problems.Select(p => p.Path));
        Assert.Contains("'chief' is not host, lead, participant or observer", refused.Problems[0].Message);
    }
}
