using Bunit;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Pages;

namespace CrmInsight.Tests.Web.Components.Pages;

/// <summary>Sales targets on the data seam: the drill is the filter (team, then rep).</summary>
public sealed class TargetsPageTests
{
    [Fact]
    public async Task Opens_on_this_month_with_a_headline_per_team_the_total_and_the_leaderboard()
    {
        var data = new TestDashboardData { Targets = _ => PageModels.Targets() };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<TargetsPage>("/targets");

        Assert.Equal(DatePreset.ThisMonth, Assert.Single(data.CallsOf("targets")).Filter.Preset);
        Assert.Single(page.FindAll("[data-testid=total-headline]"));
        Assert.Equal(["North team", "South team"], page.FindAll("[data-testid=team-bars] [data-testid=bar-name]").Select(b => b.TextContent.Trim()));
        Assert.Single(data.CallsOf("table:leaderboard"));
        Assert.Empty(data.CallsOf("table:opportunities"));
    }

    [Fact]
    public async Task One_team_has_no_total_headline_and_no_team_says_there_is_nothing()
    {
        var data = new TestDashboardData { Targets = _ => PageModels.Targets(PageModels.Board(PageModels.Standing(1, "North team"))) };
        await using var test = PageTestContext.Create(data);
        var page = test.Render<TargetsPage>("/targets");
        Assert.Empty(page.FindAll("[data-testid=total-headline]"));

        data.Targets = _ => PageModels.Targets(PageModels.Board());
        await data.RaiseDataChangedAsync();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=no-targets]")), PageTestContext.Patience);
    }

    [Fact]
    public async Task A_leaderboard_row_focuses_the_rep_whose_page_shows_their_opportunities_and_customers()
    {
        var data = new TestDashboardData
        {
            Targets = f => PageModels.Targets(reps: f.Reps.IsEmpty ? [] : [PageModels.Standing(1, "Li Wei", repId: 11)]),
        };
        data.SetTable(TableCatalog.Leaderboard, PageModels.Row(TableCatalog.Leaderboard, new LeaderboardRowKey(1, 11), ("rep", "Li Wei")));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<TargetsPage>("/targets");

        await page.Find("[data-testid=table-leaderboard] tbody tr").ClickAsync(new());

        Assert.Equal("http://localhost/targets?team=1&rep=11", test.Navigation.Uri);
        PageTestContext.WaitUntilSettled(page);
        Assert.Equal("Li Wei · North team", page.Find("[data-testid=rep-headline] [data-testid=headline-name]").TextContent.Trim());
        var customers = Assert.Single(data.SpecsOf(TableCatalog.Drill));
        Assert.Equal("customer", customers.Arguments.Value("level"));
        Assert.Equal((IdSet.Of(1), IdSet.Of(11)), (data.CallsOf("table:opportunities")[^1].Filter.Teams, data.CallsOf("table:opportunities")[^1].Filter.Reps));
        Assert.Empty(page.FindAll("[data-testid=table-leaderboard]"));
        Assert.Equal(["All teams", "North team"], page.FindAll("[data-testid=crumb]").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task A_customer_of_the_rep_opens_their_page_and_sales_without_a_customer_open_nothing()
    {
        var data = new TestDashboardData { Targets = _ => PageModels.Targets(reps: [PageModels.Standing(1, "Li Wei", repId: 11)]) };
        data.SetTable(TableCatalog.Drill,
            PageModels.Row(TableCatalog.Drill, new DrillRowKey(null), ("name", "(no customer)")),
            PageModels.Row(TableCatalog.Drill, new DrillRowKey(3), ("name", "Cai")));
        await using var test = PageTestContext.Create(data);
        var page = test.Render<TargetsPage>("/targets?team=1&rep=11");

        await page.FindAll("[data-testid=table-drill] tbody tr")[0].ClickAsync(new());
        Assert.Equal("http://localhost/targets?team=1&rep=11", test.Navigation.Uri);
        await page.FindAll("[data-testid=table-drill] tbody tr")[1].ClickAsync(new());
        Assert.Equal("http://localhost/customers/3?period=month&team=1&rep=11", test.Navigation.Uri);
    }
}
