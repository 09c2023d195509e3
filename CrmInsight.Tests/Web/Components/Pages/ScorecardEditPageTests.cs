using Bunit;
using CrmInsight.Domain;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;
using CrmInsight.Web.Security;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>The scorecard editor on the data seam: edits stay on the page until Save, which the seam stores; the editor policy gates it.</summary>
public sealed class ScorecardEditPageTests
{
    // An analyst granted the ScorecardEditor policy, on the editor page.
    private static (PageTestContext Test, IRenderedComponent<ScorecardEditPage> Page) Editor(TestDashboardData data, string address = "/scorecard/edit")
    {
        var test = PageTestContext.Create(data);
        test.Authorization.SetPolicies(Policies.ScorecardEditor);
        return (test, test.Render<ScorecardEditPage>(address));
    }

    [Fact]
    public async Task Save_stores_the_edited_scorecard_through_the_seam()
    {
        var data = new TestDashboardData { Scorecards = [ScorecardModels.Definition()] };
        var (test, page) = Editor(data);
        await using var _ = test;

        Assert.Null(Assert.Single(data.CallsOf("scorecard-definition")).Argument);
        page.Find("input[data-testid=scorecard-name]").Change("Renamed card");
        Assert.Empty(data.CallsOf("save-scorecard"));
        await page.Find("[data-testid=scorecard-save]").ClickAsync(new());

        var saved = (ScorecardDefinition)Assert.Single(data.CallsOf("save-scorecard")).Argument!;
        Assert.Equal((1, "Renamed card", 2), (saved.Id, saved.Name, saved.Kpis.Count));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=scorecard-saved]")), PageTestContext.Patience);
    }

    [Fact]
    public async Task Save_as_new_stores_a_copy_and_opens_it()
    {
        var data = new TestDashboardData { Scorecards = [ScorecardModels.Definition()] };
        var (test, page) = Editor(data);
        await using var _ = test;

        await page.Find("[data-testid=scorecard-save-copy]").ClickAsync(new());

        var copy = (ScorecardDefinition)Assert.Single(data.CallsOf("save-scorecard")).Argument!;
        Assert.Equal((0, false, "Test card (copy)"), (copy.Id, copy.IsDefault, copy.Name));
        Assert.Equal("http://localhost/scorecard/edit?scorecard=100", test.Navigation.Uri);
    }

    [Fact]
    public async Task A_refused_save_shows_why()
    {
        var data = new TestDashboardData
        {
            Scorecards = [ScorecardModels.Definition()],
            SaveScorecard = _ => throw new ScorecardRejectedException([new ScorecardProblem("name", new LocalizedText("A scorecard needs a name."))]),
        };
        var (test, page) = Editor(data);
        await using var _ = test;

        await page.Find("[data-testid=scorecard-save]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("A scorecard needs a name.", page.Find("[data-testid=scorecard-problem]").TextContent.Trim()), PageTestContext.Patience);
        Assert.Empty(page.FindAll("[data-testid=scorecard-saved]"));
    }

    [Fact]
    public async Task A_scorecard_that_is_not_the_default_can_be_made_default_or_deleted()
    {
        var data = new TestDashboardData { Scorecards = [ScorecardModels.Definition(), ScorecardModels.Definition(2, "Second", isDefault: false)] };
        var (test, page) = Editor(data, "/scorecard/edit?scorecard=2");
        await using var _ = test;

        await page.Find("[data-testid=scorecard-make-default]").ClickAsync(new());
        Assert.Equal(2, Assert.Single(data.CallsOf("default-scorecard")).Argument);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=scorecard-delete]")), PageTestContext.Patience);

        await using var again = PageTestContext.Create(data);
        again.Authorization.SetPolicies(Policies.ScorecardEditor);
        var second = again.Render<ScorecardEditPage>("/scorecard/edit?scorecard=2");
        await second.Find("[data-testid=scorecard-delete]").ClickAsync(new());
        Assert.Equal(2, Assert.Single(again.Data.CallsOf("delete-scorecard")).Argument);
        Assert.Equal("http://localhost/scorecard", again.Navigation.Uri);
    }

    [Fact]
    public async Task Without_the_editor_policy_the_page_says_so_and_offers_no_save()
    {
        var data = new TestDashboardData { Scorecards = [ScorecardModels.Definition()] };
        await using var test = PageTestContext.Create(data, leadOf: [1]);

        var page = test.Render<ScorecardEditPage>("/scorecard/edit");

        Assert.Single(page.FindAll("[data-testid=scorecard-edit-denied]"));
        Assert.Empty(page.FindAll("[data-testid=scorecard-save]"));
        Assert.Empty(data.CallsOf("save-scorecard"));
    }
}
