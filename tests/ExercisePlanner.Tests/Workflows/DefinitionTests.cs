using ExercisePlanner.Core.Features.Workflows;
using ExercisePlanner.Workflows.Definitions;

namespace ExercisePlanner.Tests.Workflows;

/// <summary>Reading and checking definition files, without a database.</summary>
public sealed class DefinitionTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "workflows");
    private static readonly DefinitionReader Reader = new(ProposalSubject.Facts);

    private const string Valid = """
        {
          "id": "custom",
          "version": 1,
          "name": "Custom",
          "stages": [
            { "id": "review", "name": "Review", "steps": [ { "assignees": "each", "role": "national-approver" } ],
              "completion": "all", "due": "P10D", "remindAfter": "P5D", "escalateTo": "chief-of-staff" }
          ]
        }
        """;

    [Fact]
    public void The_shipped_definitions_load()
    {
        var catalog = WorkflowCatalog.Load(Shipped, ProposalSubject.Facts);
        Assert.Equal(["exercise-amendment", "exercise-approval", "hadr-fast-track"], catalog.Latest.Select(d => d.Id).Order());
        Assert.True(catalog.Find("exercise-amendment")!.IsAmendment);
        var hadr = catalog.Find("hadr-fast-track")!;
        Assert.Equal(new CompletionRule(CompletionKind.Quorum, 2), hadr.Stages[0].Completion);
        Assert.Equal(TimeSpan.FromHours(12), hadr.Stages[1].RemindIn);
    }

    [Fact]
    public void A_valid_definition_reads_without_problems()
    {
        var (definition, problems) = Reader.Read("custom.json", Valid);
        Assert.Empty(problems);
        Assert.Equal(TimeSpan.FromDays(10), definition!.Stages[0].DueIn);
    }

    [Theory]
    [InlineData("\"version\": 1", "\"version\": 0", "custom.json: $.version: 0 should be at least 1")]
    [InlineData("\"due\": \"P10D\"", "\"due\": \"ten days\"", "custom.json: $.stages[0].due: ")]
    [InlineData("\"completion\": \"all\"", "\"completion\": \"most\"", "custom.json: $.stages[0].completion: ")]
    [InlineData("\"name\": \"Review\",", "\"name\": \"Review\", \"colour\": \"red\",", "custom.json: $.stages[0].colour: property is not allowed here")]
    [InlineData("\"assignees\": \"each\"", "\"assignees\": \"nations\"", "custom.json: $.stages[0].steps[0]: Required properties [\"nations\"] are not present")]
    [InlineData("\"remindAfter\": \"P5D\"", "\"remindAfter\": \"P12D\"", "custom.json: $.stages[0].remindAfter: the reminder (P12D) must come before the deadline (P10D)")]
    [InlineData("\"escalateTo\": \"chief-of-staff\"", "\"escalateTo\": \"national-approver\"", "custom.json: $.stages[0].escalateTo: 'national-approver' already decides this stage")]
    [InlineData("\"name\": \"Review\",", "\"name\": \"Review\", \"when\": { \"fact\": \"colour\", \"equals\": \"red\" },", "custom.json: $.stages[0].when.fact: unknown fact 'colour'")]
    [InlineData("\"name\": \"Review\",", "\"name\": \"Review\", \"when\": { \"fact\": \"type\", \"above\": \"CPX\" },", "custom.json: $.stages[0].when: type has no order; use equals or in")]
    [InlineData("\"name\": \"Review\",", "\"name\": \"Review\", \"when\": { \"fact\": \"classification\", \"above\": \"TOP-SECRET\" },", "custom.json: $.stages[0].when: 'TOP-SECRET' is not a value of classification")]
    [InlineData("\"stages\": [", "\"stages\": [ { \"id\": \"review\", \"name\": \"Again\", \"steps\": [ { \"assignees\": \"host\", \"role\": \"legal-advisor\" } ], \"completion\": \"all\", \"due\": \"P1D\" },", "custom.json: $.stages[1].id: stage id 'review' is used twice")]
    [InlineData("\"version\": 1,", "\"version\": 1", "custom.json: $ (line 4): ")]
    [InlineData("\"name\": \"Review\",", "\"name\": \"Review\", \"unless\": { \"fact\": \"type\", \"only\": [\"CPX\"] },", "custom.json: $.stages[0].unless: type has one value; use equals or in")]
    [InlineData("\"name\": \"Review\",", "\"name\": \"Review\", \"when\": { \"fact\": \"changed\", \"only\": [\"dates\"] },", "custom.json: $.stages[0].when: 'dates' is not a value of changed")]
    [InlineData("\"assignees\": \"each\"", "\"assignees\": \"everyone\"", "custom.json: $.stages[0].steps[0].assignees: ")]
    [InlineData("\"name\": \"Custom\",", "\"name\": \"Custom\", \"onRequestChanges\": \"return-to-coordinator\",", "custom.json: $.onRequestChanges: ")]
    public void Each_problem_is_reported_as_file_path_message(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid);
        var (definition, problems) = Reader.Read("custom.json", Valid.Replace(find, replace));

        Assert.Null(definition);
        Assert.Contains(problems, p => p.ToString().StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_with_an_invalid_file_or_no_default_is_refused_whole()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.json"), Valid.Replace("\"name\": \"Custom\",", "\"name\": \"Custom\", \"appliesTo\": { \"fact\": \"type\", \"equals\": \"FTX\" },"));
            var noDefault = Assert.Throws<InvalidDefinitionException>(() => WorkflowCatalog.Load(folder, ProposalSubject.Facts));
            Assert.Contains("no default workflow", noDefault.Message);

            File.WriteAllText(Path.Combine(folder, "b.json"), Valid.Replace("\"id\": \"custom\"", "\"id\": \"other\"").Replace("\"due\": \"P10D\"", "\"due\": \"PXD\""));
            var invalid = Assert.Throws<InvalidDefinitionException>(() => WorkflowCatalog.Load(folder, ProposalSubject.Facts));
            Assert.Contains(invalid.Problems, p => p.File == "b.json" && p.Path == "$.stages[0].due");

            File.Delete(Path.Combine(folder, "a.json"));
            File.WriteAllText(Path.Combine(folder, "b.json"), Valid);
            File.WriteAllText(Path.Combine(folder, "c.json"), Valid);
            var twice = Assert.Throws<InvalidDefinitionException>(() => WorkflowCatalog.Load(folder, ProposalSubject.Facts));
            Assert.Contains(twice.Problems, p => p.ToString() == "c.json: $.version: version 1 of 'custom' is also defined in b.json");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_amendment_workflow_that_is_named_must_exist_and_is_never_chosen_for_a_first_submission()
    {
        var folder = Directory.CreateTempSubdirectory("workflows-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.json"), Valid.Replace("\"name\": \"Custom\",", "\"name\": \"Custom\", \"amendment\": \"custom-change\","));
            var missing = Assert.Throws<InvalidDefinitionException>(() => WorkflowCatalog.Load(folder, ProposalSubject.Facts));
            Assert.Equal("a.json: $.amendment: no workflow 'custom-change' with purpose \"amendment\" to approve amendments", Assert.Single(missing.Problems).ToString());

            File.WriteAllText(Path.Combine(folder, "b.json"), Valid.Replace("\"id\": \"custom\"", "\"id\": \"custom-change\", \"purpose\": \"amendment\""));
            var catalog = WorkflowCatalog.Load(folder, ProposalSubject.Facts);
            var subject = new ProposalSubject("X", 1, Infrastructure.Approvals.FiveNations());
            Assert.Equal("custom", catalog.Select(subject, ProposalSubject.Facts).Id); // "custom-change" sorts first, but approves only amendments
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_amendment_diagram_shows_both_ways_a_change_can_go()
    {
        var mermaid = MermaidDiagram.Render(WorkflowCatalog.Load(Shipped, ProposalSubject.Facts).Find("exercise-amendment")!);

        Assert.Contains("stage_affected_nations_review_when{\"changed within participants/forces/costShares/contacts?\"}", mermaid);
        Assert.Contains("stage_national_review_when{\"not changed within participants/forces/costShares/contacts?\"}", mermaid);
        Assert.Contains("each nation affected: national-approver", mermaid);
    }

    [Fact]
    public void The_diagram_shows_every_stage_and_the_condition()
    {
        var catalog = WorkflowCatalog.Load(Shipped, ProposalSubject.Facts);
        var mermaid = MermaidDiagram.Render(catalog.Find("exercise-approval")!);

        Assert.StartsWith("flowchart TD", mermaid);
        foreach (var stage in catalog.Find("exercise-approval")!.Stages) Assert.Contains(stage.Name, mermaid);
        Assert.Contains("stage_security_review_when{\"classification > UNCLASSIFIED?\"}", mermaid);
        Assert.Contains("stage_security_review_when -->|no| stage_final_sign_off", mermaid);
        Assert.Contains("stage_final_sign_off --> approved", mermaid);
        Assert.Contains("changes([\"Requests for changes are collected", mermaid);
    }

    [Theory]
    [InlineData("collect", true, "collected")]
    [InlineData("return-at-once", false, "at once")]
    public void A_definition_chooses_what_a_request_for_changes_does(string option, bool collects, string diagramSays)
    {
        var (definition, problems) = Reader.Read("custom.json", Valid.Replace("\"name\": \"Custom\",", $"\"name\": \"Custom\", \"onRequestChanges\": \"{option}\","));

        Assert.Empty(problems);
        Assert.Equal(collects, definition!.CollectsRequests);
        Assert.Contains(diagramSays, MermaidDiagram.Render(definition));
        Assert.Contains(diagramSays, SvgDiagram.Render(definition));
    }

    [Fact]
    public void Without_the_option_a_request_for_changes_returns_at_once_and_the_shipped_workflows_collect()
    {
        Assert.False(Reader.Read("custom.json", Valid).Definition!.CollectsRequests);
        Assert.All(WorkflowCatalog.Load(Shipped, ProposalSubject.Facts).Latest, d => Assert.True(d.CollectsRequests, d.Id));
    }
}

public sealed class SvgDiagramTests
{
    [Fact]
    public void The_svg_diagram_is_well_formed_and_shows_every_stage_and_condition()
    {
        var definition = WorkflowCatalog.Load(Path.Combine(AppContext.BaseDirectory, "workflows"), ProposalSubject.Facts).Find("exercise-approval")!;

        var svg = System.Xml.Linq.XDocument.Parse(SvgDiagram.Render(definition));

        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        foreach (var stage in definition.Stages) Assert.Contains(stage.Name, texts);
        Assert.Contains("only when classification > UNCLASSIFIED", texts);
        Assert.Contains("each nation: national-approver", texts);
        Assert.Single(svg.Descendants(), e => e.Name.LocalName == "rect" && e.Attribute("stroke-dasharray") is not null);
    }

    [Fact]
    public void The_diagram_on_pages_names_roles_and_deadlines_in_words()
    {
        var definition = WorkflowCatalog.Load(Path.Combine(AppContext.BaseDirectory, "workflows"), ProposalSubject.Facts).Find("exercise-approval")!;

        var svg = System.Xml.Linq.XDocument.Parse(SvgDiagram.Render(definition, Core.Common.Words.Diagram));

        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains($"Submitted · Exercise approval, version {definition.Version}", texts);
        Assert.Contains("each nation: national approver", texts);
        Assert.Contains("all must approve · due within 14 days · escalates to chief of staff", texts);
        Assert.Contains("only when the classification is above UNCLASSIFIED", texts);
        Assert.DoesNotContain(texts, t => t.Contains("P14D") || t.Contains("national-approver") || t.Contains(" > ") || t.StartsWith("all ·") || t.Contains("quorum"));
    }

    [Fact]
    public void The_diagram_on_pages_says_how_many_must_approve_a_quorum_stage()
    {
        var definition = WorkflowCatalog.Load(Path.Combine(AppContext.BaseDirectory, "workflows"), ProposalSubject.Facts).Find("hadr-fast-track")!;

        var texts = System.Xml.Linq.XDocument.Parse(SvgDiagram.Render(definition, Core.Common.Words.Diagram))
            .Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        Assert.Contains(texts, t => t.StartsWith("2 must approve · due within "));
        Assert.Contains(texts, t => t.StartsWith("must approve · due within ")); // the lead's one sign-off
        Assert.DoesNotContain(texts, t => t.Contains("quorum"));
    }

    [Fact]
    public void The_amendment_diagram_on_pages_says_when_each_review_runs_in_words()
    {
        var definition = WorkflowCatalog.Load(Path.Combine(AppContext.BaseDirectory, "workflows"), ProposalSubject.Facts).Find("exercise-amendment")!;

        var texts = System.Xml.Linq.XDocument.Parse(SvgDiagram.Render(definition, Core.Common.Words.Diagram))
            .Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();

        var said = string.Join(" ", texts); // a condition too long for its box wraps onto two lines
        Assert.Contains("only when nothing but participants, forces, cost shares or contacts changed", said);
        Assert.Contains("only when something other than participants, forces, cost shares or contacts changed", said);
        Assert.DoesNotContain(texts, t => t.Contains("costShares") || t.Contains("changed within"));
    }

    [Fact]
    public void Pages_get_the_diagram_drawn_wide_and_narrow_and_the_narrow_one_wraps_its_lines()
    {
        var definition = WorkflowCatalog.Load(Path.Combine(AppContext.BaseDirectory, "workflows"), ProposalSubject.Facts).Find("exercise-amendment")!;

        var svgs = System.Xml.Linq.XDocument.Parse($"<page>{SvgDiagram.ForPages(definition, Core.Common.Words.Diagram)}</page>").Root!.Elements().ToList();

        Assert.Equal(["diagram wide", "diagram narrow"], svgs.Select(s => s.Attribute("class")!.Value));
        Assert.Equal(["780", "340"], svgs.Select(s => s.Attribute("width")!.Value));
        var (wide, narrow) = (Texts(svgs[0]), Texts(svgs[1]));
        Assert.Equal(string.Join(" ", wide), string.Join(" ", narrow)); // the same words, in more lines
        Assert.True(narrow.Count > wide.Count + definition.Stages.Count, $"{narrow.Count} lines narrow, {wide.Count} wide");
        Assert.All(narrow, line => Assert.True(line.Length <= 49, $"'{line}' is too long for the narrow diagram"));
        // Each drawing points its arrows at its own arrowhead: a hidden drawing's would not be drawn.
        Assert.All(svgs, s => Assert.Contains($"url(#{s.Descendants().Single(e => e.Name.LocalName == "marker").Attribute("id")!.Value})", s.ToString()));
    }

    private static List<string> Texts(System.Xml.Linq.XElement svg) => svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
}
