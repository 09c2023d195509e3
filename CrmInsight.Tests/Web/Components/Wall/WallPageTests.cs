using Bunit;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Components.Wall;

namespace CrmInsight.Tests.Web.Components.Wall;

/// <summary>The wall on the data seam: what each view reads, the rotation, the refused filter, live changes and the stale banner.</summary>
public sealed class WallPageTests
{
    private static IReadOnlyList<string> KpiIds(DataCall call) => (((IReadOnlyList<string>, bool, bool))call.Argument!).Item1;

    [Fact]
    public async Task A_view_reads_only_its_tiles_and_the_rotation_reads_the_next_view_before_showing_it()
    {
        var data = new TestDashboardData
        {
            Overview = _ => PageModels.Overview(),
            Board = _ => PageModels.Board(PageModels.Standing(1, "North team")),
        };
        await using var test = PageTestContext.Create(data);

        var page = test.Render<WallPage>("/wall?views=service,targets&interval=5");

        Assert.Equal(["csat", "nps", "complaint_rate", "resolution_rate", "first_response_time", "return_rate"], KpiIds(Assert.Single(data.CallsOf("overview-selection"))));
        Assert.Equal(6, page.FindAll("[data-testid=wall-view-service] [data-testid^=kpi-tile-]").Count);
        Assert.Empty(data.CallsOf("team-board"));

        test.Time.Advance(TimeSpan.FromSeconds(5));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=wall-view-targets]")), PageTestContext.Patience);
        Assert.Empty(page.FindAll("[data-testid=wall-view-service]"));
        // The targets view opens on this month, as Sales targets does, when the address names no period.
        // (The 5 s also confirm the shown view: a second read of the targets view, through the cache in the app.)
        Assert.All(data.CallsOf("team-board"), c => Assert.Equal(DatePreset.ThisMonth, c.Filter.Preset));
        Assert.Equal("Sales targets", page.Find("[data-testid=wall-view-title]").TextContent.Trim());
    }

    [Fact]
    public async Task A_refused_team_is_said_on_the_wall_and_a_live_change_redraws_the_tiles()
    {
        var revenue = 10m;
        var data = new TestDashboardData
        {
            Overview = _ => PageModels.Overview(new Dictionary<string, decimal?> { ["revenue"] = revenue }),
            ScopedCatalog = PageModels.NorthCatalog,
        };
        await using var test = PageTestContext.Create(data, leadOf: [1]);
        var page = test.Render<WallPage>("/wall?views=headline&team=2");
        Assert.Equal("Sales team 2", page.Find("[data-testid=scope-refused]").TextContent.Trim());

        revenue = 12m;
        await data.RaiseDataChangedAsync();

        page.WaitForAssertion(() => Assert.Equal("12", page.Find("[data-testid=kpi-value-revenue]").GetAttribute("data-value")), PageTestContext.Patience);
        Assert.All(data.CallsOf("overview-selection"), c => Assert.True(c.Filter.Teams.IsEmpty));
    }

    [Fact]
    public async Task The_stale_banner_shows_when_the_database_stops_answering_and_goes_when_it_answers()
    {
        var data = new TestDashboardData { Overview = _ => PageModels.Overview() };
        await using var test = PageTestContext.Create(data);
        data.LiveState = data.LiveState with { ConfirmedAt = test.Time.GetUtcNow() };
        var page = test.Render<WallPage>("/wall?views=headline");
        test.Time.Advance(TimeSpan.FromSeconds(1)); // the status clock ticks
        page.WaitForAssertion(() => Assert.Contains("10:00:01", page.Find("[data-testid=wall-clock]").TextContent, StringComparison.Ordinal), PageTestContext.Patience);
        Assert.Empty(page.FindAll("[data-testid=wall-stale]"));

        var snapshot = new DataVersionSnapshot(1, new Dictionary<string, long>(), test.Time.GetUtcNow());
        await data.RaiseLiveStateChangedAsync(new LiveState(snapshot, null, IsStale: true, "not answering"));
        page.WaitForAssertion(() => Assert.Equal("The database is not answering. Retrying…", page.Find("[data-testid=wall-stale]").TextContent.Trim()), PageTestContext.Patience);

        await data.RaiseLiveStateChangedAsync(new LiveState(snapshot, test.Time.GetUtcNow(), IsStale: false, null));
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=wall-stale]")), PageTestContext.Patience);
    }
}
