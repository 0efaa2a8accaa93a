using ExercisePlanner.Core.Domain;
using ExercisePlanner.Tests.Infrastructure;
using ExercisePlanner.Web.Pages.Proposals;

namespace ExercisePlanner.Tests.Web;

/// <summary>The editor's rows: a proposal survives the round trip, blank rows are dropped, nations are read as picked or typed.</summary>
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
    public void Rows_are_added_and_removed_and_blank_ones_dropped()
    {
        var form = ProposalForm.From(Samples.Proposal());
        form.AddRow("forces");
        form.AddRow("contacts");
        form.RemoveRow("participants", 3);
        form.RemoveRow("participants", 99); // out of range: nothing
        Assert.Equal(2, form.Forces.Count);

        var content = form.ToContent();

        Assert.Single(content.Forces);
        Assert.Single(content.Contacts);
        Assert.Equal(["JOR", "TUR", "PAK"], content.Participants.Select(p => p.Nation));
    }

    [Theory]
    [InlineData("Jordan (JOR)", "JOR")]
    [InlineData("jor", "JOR")]
    [InlineData(" Jordan ", "JOR")]
    [InlineData("Türkiye (TUR)", "TUR")]
    [InlineData("Atlantis", "ATLANTIS")]
    public void Nations_are_read_by_name_or_code(string typed, string code) => Assert.Equal(code, ProposalForm.NationCode(typed));

    [Fact]
    public void Releasability_keeps_only_participating_nations_and_blank_dates_stay_unset()
    {
        var form = ProposalForm.From(Samples.Proposal());
        form.ReleasableTo = ["JOR", "USA"];
        form.StartDate = null;

        var content = form.ToContent();

        Assert.Equal(["JOR"], content.ReleasableTo);
        Assert.Equal(default, content.StartDate);
        Assert.Null(ProposalForm.From(content).StartDate);
    }
}
