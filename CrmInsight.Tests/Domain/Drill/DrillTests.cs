using System.Globalization;
using CrmInsight.Domain;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Drill;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Drill;

/// <summary>Drill levels over <see cref="GoldenDataset"/>, P = March 2024 (sales O6–O11, O14).</summary>
public sealed class DrillTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
    private const string All = "All regions";
    private TestDatabase _db = null!;
    private DimensionCatalog _catalog = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        _catalog = await _db.Dimensions.GetCatalogAsync(DataScope.All);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<IReadOnlyList<SqlRow>> Level(DrillLevel level, DashboardFilter filter)
    {
        var page = await _db.Tables.ReadPageAsync(TableCatalog.Drill, filter, DataScope.All, TableCatalog.Drill.Request(null, null, 0, 25),
            SqlArgs.Empty.With("level", level.UrlName()));
        return page.Rows;
    }

    [Fact]
    public async Task Regions_then_teams_then_reps_then_customers()
    {
        var regions = await Level(DrillLevel.Region, March);
        Assert.Equal([("South", 660m), ("North", 500m)], regions.Select(r => (r.GetString("name")!, r.GetDecimal("revenue")!.Value)));
        Assert.Equal(660m / 1160m, regions[0].GetDecimal("revenue_share")!.Value, 6);

        var north = March.WithMembers(DimensionKind.Region, IdSet.Of(1));
        var teams = await Level(DrillLevel.Team, north);
        // O6 300, O7 100, O10 80 by the North team; O11 (20) was an anonymous store sale with no team.
        Assert.Equal([("North team", 480m), (null, 20m)], teams.Select(r => (r.GetString("name"), r.GetDecimal("revenue")!.Value)));

        var reps = await Level(DrillLevel.Rep, north.WithMembers(DimensionKind.Team, IdSet.Of(1)));
        Assert.Equal([("Rep One", 480m, 3L, 2L)], reps.Select(r => (r.GetString("name")!, r.GetDecimal("revenue")!.Value, r.GetInt64("orders"), r.GetInt64("customers"))));

        var customers = await Level(DrillLevel.Customer, north.WithMembers(DimensionKind.Rep, IdSet.Of(1)));
        Assert.Equal([("Ann", 400m), ("Eva", 80m)], customers.Select(r => (r.GetString("name")!, r.GetDecimal("revenue")!.Value)));
    }

    [Fact]
    public void The_breadcrumb_follows_the_single_member_filters_and_keeps_everything_else()
    {
        var filter = March with { Regions = IdSet.Of(1), Teams = IdSet.Of(1), Channels = IdSet.Of(2) };

        var crumbs = DrillPath.Crumbs(filter, DrillLevel.Rep, _catalog, All);

        Assert.Equal(["All regions", "North", "North team"], crumbs.Select(c => c.Label));
        Assert.Equal([DrillLevel.Region, DrillLevel.Team, DrillLevel.Rep], crumbs.Select(c => c.Level));
        Assert.True(crumbs[^1].IsCurrent);
        // Going up clears the levels below but keeps the period and the channel filter.
        Assert.Equal(March with { Channels = IdSet.Of(2) }, crumbs[0].Filter);
        Assert.Equal(March with { Regions = IdSet.Of(1), Channels = IdSet.Of(2) }, crumbs[1].Filter);
    }

    [Fact]
    public void A_level_with_several_members_chosen_is_not_a_step_of_the_path()
    {
        var crumbs = DrillPath.Crumbs(March with { Regions = IdSet.Of(1, 2) }, DrillLevel.Team, _catalog, All);

        Assert.Equal([All], crumbs.Select(c => c.Label));
    }

    [Fact]
    public void Drilling_down_selects_the_member_and_moves_one_level()
    {
        var down = DrillPath.Down(March, DrillLevel.Team, 2);

        Assert.Equal(DrillLevel.Rep, down!.Value.Level);
        Assert.Equal(IdSet.Of(2), down.Value.Filter.Teams);
        Assert.Null(DrillPath.Down(March, DrillLevel.Customer, 5));
    }
}
