using Bunit;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;
using CrmInsight.Web.Security;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The balanced scorecard on the data seam (figures worked out in <see cref="ScorecardModels"/>).</summary>
public sealed class ScorecardPageTests
{
    private static TestDashboardData Data(ScorecardReport report) => new()
    {
        Scorecards = [report.Scorecard],
        Scorecard = (_, _) => report,
    };

    [Fact]
    public async Task Shows_the_overall_score_and_grade_of_the_report_and_opens_on_the_weakest_perspective()
    {
        var data = Data(ScorecardModels.Report(ScorecardModels.Definition()));
        await using var test = PageTestContext.Create(data);

        var page = test.Render<ScorecardPage>("/scorecard");

        var read = Assert.Single(data.CallsOf("scorecard"));
        Assert.Equal((DataScope.All, (object?)null), (read.Scope, read.Argument));
        Assert.Equal("89.0", page.Find("[data-testid=scorecard-score]").TextContent.Trim());
        Assert.Equal("Good", page.Find("[data-testid=scorecard-grade]").TextContent.Trim());
        // Process (80.0) is weaker than customer (95.0): its KPIs are the ones listed.
        Assert.Single(page.FindAll("[data-testid=perspective-kpis-process]"));
        Assert.Equal("80.0", page.Find("[data-testid=scorecard-kpi-score-win_rate]").TextContent.Trim());
        Assert.Contains("weight 60%", page.Find("[data-testid=perspective-customer]").TextContent);
        Assert.Contains("weight 40%", page.Find("[data-testid=perspective-process]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=weights-fallback-perspectives]"));
    }

    [Fact]
    public async Task A_perspective_click_lists_its_kpis_and_a_kpi_click_shows_the_inputs_of_its_score()
    {
        var data = Data(ScorecardModels.Report(ScorecardModels.Definition()));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<ScorecardPage>("/scorecard");

        await page.Find("[data-testid=perspective-customer]").ClickAsync(new());
        Assert.Equal("http://localhost/scorecard?perspective=customer", test.Navigation.Uri);
        PageTestContext.WaitUntilSettled(page);
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=perspective-kpis-customer]")), PageTestContext.Patience);
        Assert.Empty(page.FindAll("[data-testid=scorecard-kpi-win_rate]"));

        await page.Find("[data-testid=perspective-process]").ClickAsync(new());
        PageTestContext.WaitUntilSettled(page);
        await page.WaitForElement("[data-testid=scorecard-kpi-win_rate]", PageTestContext.Patience).ClickAsync(new());

        Assert.Equal("http://localhost/scorecard?perspective=process&kpi=win_rate", test.Navigation.Uri);
        page.WaitForAssertion(() => Assert.Equal("80.0", page.Find("[data-testid=detail-score]").TextContent.Trim()), PageTestContext.Patience);
        // The inputs of win_rate = 7 won / 25 closed.
        Assert.Equal(["7", "25"], page.FindAll("[data-testid=detail-input] td.num").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Inconsistent_comparisons_are_flagged_and_the_perspectives_weighted_equally()
    {
        // Equal weights over the four perspectives (25 % each); of those with a score,
        // (95.0 + 80.0) / 2 = 87.5 — good.
        var data = Data(ScorecardModels.Report(ScorecardModels.Inconsistent(), overall: 87.5m));
        await using var test = PageTestContext.Create(data);

        var page = test.Render<ScorecardPage>("/scorecard");

        Assert.Contains("inconsistent", page.Find("[data-testid=weights-fallback-perspectives]").TextContent);
        Assert.All(["financial", "customer", "process", "learning"], p => Assert.Contains("weight 25%", page.Find($"[data-testid=perspective-{p}]").TextContent));
        Assert.Equal("87.5", page.Find("[data-testid=scorecard-score]").TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_scorecard_in_the_url_is_reported_and_the_default_one_is_read()
    {
        var data = Data(ScorecardModels.Report(ScorecardModels.Definition()));
        await using var test = PageTestContext.Create(data);

        var page = test.Render<ScorecardPage>("/scorecard?scorecard=7");

        Assert.Null(Assert.Single(data.CallsOf("scorecard")).Argument);
        Assert.NotEmpty(page.FindAll("[data-testid=filter-problems]"));
    }

    [Fact]
    public async Task Only_a_scorecard_editor_gets_the_edit_button()
    {
        var data = Data(ScorecardModels.Report(ScorecardModels.Definition()));
        await using var viewer = PageTestContext.Create(data);
        Assert.Empty(viewer.Render<ScorecardPage>("/scorecard").FindAll("[data-testid=scorecard-edit]"));

        await using var editor = PageTestContext.Create(data);
        editor.Authorization.SetPolicies(Policies.ScorecardEditor);
        Assert.Single(editor.Render<ScorecardPage>("/scorecard").FindAll("[data-testid=scorecard-edit]"));
    }
}
