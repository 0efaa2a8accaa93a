using ExercisePlanner.Core.Domain;
using ExercisePlanner.Core.Features.Proposals;
using ExercisePlanner.Core.Features.Users;
using ExercisePlanner.Tests.Infrastructure;

namespace ExercisePlanner.Tests.Proposals;

/// <summary>
/// Issue 11, finding 4: codes match as whole strings, and invisible characters that make text read
/// differently from what it is are refused. The cases carry the real Unicode characters.
/// </summary>
public sealed class LookAlikeTests(PlannerFixture fixture) : DatabaseTest(fixture)
{
    public static TheoryData<string, Func<ProposalContent, ProposalContent>, string, string> LookAlikes => new()
    {
        { "code with a trailing line break", p => p with { Code = p.Code + "\n" }, "code", "is not a code" },
        { "code with a right-to-left override", p => p with { Code = "NORTHERN-\u202EBRIDGE-27" }, "code", "U+202E" },
        { "name with a right-to-left override", p => p with { Name = "Northern \u202E72 egdirB" }, "name", "invisible formatting character U+202E" },
        { "name with a left-to-right embedding", p => p with { Name = "\u202ANorthern Bridge" }, "name", "U+202A" },
        { "location with a first-strong isolate", p => p with { Location = "Amman \u2068Joint Staff College\u2069" }, "location", "U+2068" },
        { "name with a pop directional isolate", p => p with { Name = "Northern Bridge\u2069" }, "name", "U+2069" },
        { "name with a zero-width space", p => p with { Name = "Northern\u200BBridge 2027" }, "name", "U+200B" },
        { "name with a byte-order mark", p => p with { Name = "\uFEFFNorthern Bridge 2027" }, "name", "U+FEFF" },
        { "objective with a word joiner", p => p with { Objectives = [p.Objectives[0] with { Text = "Rehearse\u2060evacuation" }] }, "objectives[0].text", "U+2060" },
        { "contact with a tag character", p => p with { Contacts = [p.Contacts[0] with { Name = "Maj Example\U000E0041" }] }, "contacts[0].name", "U+E0041" },
        { "e-mail with a trailing line break", p => p with { Contacts = [p.Contacts[0] with { Email = "poc@example.org\n" }] }, "contacts[0].email", "is not an e-mail address" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task A_look_alike_is_refused_and_nothing_is_stored(string rule, Func<ProposalContent, ProposalContent> mutate, string path, string message)
    {
        await Fixture.AddStaffAsync();
        var before = await Fixture.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new ImportProposal(mutate(Samples.Proposal()), "tur.coordinator")));

        Assert.True(refused.Problems.Any(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal)), $"{rule}: {refused.Message}");
        Assert.Equal(before, await Fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Arabic_text_keeps_the_marks_and_joiners_it_needs()
    {
        await Fixture.AddStaffAsync();
        // RLM and LRM around a Latin code inside Arabic, ALM before digits, ZWNJ inside a word.
        var arabic = Samples.Proposal() with
        {
            Name = "جسر الشمال \u200F2027\u200F",
            Location = "كلية الأركان المشتركة، عمّان \u200E(JSC)\u200E",
            Summary = "تمرين مركز قيادة \u061C١٢ يوماً، مي\u200Cخواهم",
        };
        var result = await Fixture.Send(new ImportProposal(arabic, "tur.coordinator"));
        Assert.Equal(arabic.Name, (await Fixture.Send(new ShowProposal(result.Code))).Name);
    }

    [Fact]
    public async Task A_user_name_with_a_trailing_line_break_is_refused()
    {
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => Fixture.Send(new AddUser("jor.approver\n", "JOR", ["national-approver"])));
        Assert.Contains(refused.Problems, p => p.Path == "name");
    }
}
