using ExercisePlanner.Core.Common;
using ExercisePlanner.Core.Domain;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>The proposal file format of the contract: strict, with errors that say where.</summary>
public sealed class ProposalFileTests
{
    private static readonly string Sample = File.ReadAllText(Samples.ProposalFile);

    [Fact]
    public void The_contract_sample_reads_completely()
    {
        var p = JsonFormat.Read<ProposalContent>(Sample, "sample.json");
        Assert.Equal("NORTHERN-BRIDGE-27", p.Code);
        Assert.Equal(ExerciseType.CPX, p.Type);
        Assert.Equal(Classification.Restricted, p.Classification);
        Assert.Equal(new DateOnly(2027, 9, 6), p.StartDate);
        Assert.Equal(["JOR", "TUR", "PAK", "MYS"], p.Participants.Select(x => x.Nation));
        Assert.True(p.Participants[3].IsObserver);
        Assert.Equal("JOR", p.HostNation);
        Assert.Equal("TUR", p.LeadNation);
        Assert.Equal(100m, p.CostShares.Sum(c => c.Percent));
        Assert.Equal(ConferenceKind.IPC, Assert.Single(p.Conferences).Kind);
        Assert.Equal("poc@example.org", Assert.Single(p.Contacts).Email);
    }

    [Theory]
    [InlineData("\"summary\":", "\"sumary\":", "sumary", "could not be mapped")]
    [InlineData("\"personnel\": 40", "\"personnel\": \"forty\"", "forces[0].personnel", "expected a whole number")]
    [InlineData("\"type\": \"CPX\"", "\"type\": \"XPC\"", "type", "expected one of CPX, FTX, LIVEX, TTX, CAX, HADR")]
    [InlineData("\"type\": \"CPX\"", "\"type\": 0", "type", "expected one of")]
    [InlineData("\"endDate\": \"2027-09-17\"", "\"endDate\": \"17.09.2027\"", "endDate", "expected a date as YYYY-MM-DD")]
    [InlineData("\"roles\": [\"host\"]", "\"roles\": \"host\"", "participants[0].roles", "expected an array")]
    [InlineData("\"location\": \"Joint Staff College, Amman\"", "\"location\": null", "location", "")]
    [InlineData("\"code\": \"NORTHERN-BRIDGE-27\",", "", "", "missing required properties including: 'code'")]
    [InlineData("}\n  ],\n  \"objectives\"", "}\n  ,\n  \"objectives\"", "", "")]
    public void A_malformed_file_is_refused_with_where_and_what(string find, string replace, string path, string message)
    {
        Assert.Contains(find, Sample);
        var broken = Sample.Replace(find, replace);

        var refused = Assert.Throws<InvalidInputException>(() => JsonFormat.Read<ProposalContent>(broken, "broken.json"));

        var problem = Assert.Single(refused.Problems);
        Assert.StartsWith(path, problem.Path);
        Assert.Contains("(line ", problem.Path);
        Assert.Contains(message, problem.Message);
        Assert.StartsWith("broken.json: ", refused.Message);
    }
}
