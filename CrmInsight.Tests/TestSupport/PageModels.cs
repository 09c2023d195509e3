using CrmInsight.Domain;
using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Marketing;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// Small, hand-made view models of each page, as the services would return them, for page tests
/// through <see cref="TestDashboardData"/>: a March 2024 period against February, a few members,
/// every KPI a page shows with the value the test gives (1 by default).
/// </summary>
public static class PageModels
{
    private static readonly KpiCatalog Kpis = new();

    public static readonly ResolvedPeriod Period = new(
        new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)),
        new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)),
        ComparisonMode.PreviousPeriod);

    public static readonly DimensionCatalog Catalog = new(
    [
        new DimensionMember(DimensionKind.Region, 1, "East China", null),
        new DimensionMember(DimensionKind.Region, 2, "South China", null),
        new DimensionMember(DimensionKind.Team, 1, "North team", 1),
        new DimensionMember(DimensionKind.Team, 2, "South team", 2),
        new DimensionMember(DimensionKind.Rep, 11, "Li Wei", 1),
        new DimensionMember(DimensionKind.Rep, 21, "Zhang Min", 2),
        new DimensionMember(DimensionKind.Campaign, 7, "Singles' Day 11.11", null),
        new DimensionMember(DimensionKind.Campaign, 8, "Spring sale", null),
    ]);

    /// <summary>What a North-team lead's scope reads: the regions and campaigns, team 1 and its rep only.</summary>
    public static readonly DimensionCatalog NorthCatalog = new(
        [.. DimensionKinds.All.SelectMany(Catalog.Members).Where(m => m.Kind is not (DimensionKind.Team or DimensionKind.Rep) || m.Id is 1 or 11)],
        scoped: true);

    private static readonly IReadOnlyList<MonthlyPoint> Months =
        [new(new DateOnly(2024, 1, 1), 1m), new(new DateOnly(2024, 2, 1), 2m), new(new DateOnly(2024, 3, 1), 3m, Partial: true)];

    /// <summary>The KPIs with their values (1 and, for the comparison, 2 unless given).</summary>
    public static KpiReport Report(IEnumerable<string> ids, IReadOnlyDictionary<string, decimal?>? values = null, long version = 1) =>
        new(Period, [.. ids.Select(id => Kpi(id, values is not null && values.TryGetValue(id, out var v) ? v : 1m))], version);

    public static KpiResult Kpi(string id, decimal? value, decimal? comparison = 2m) =>
        new(Kpis.Get(id), value, comparison, [], [], []);

    public static IReadOnlyDictionary<string, IReadOnlyList<MonthlyPoint>> Sparklines(IEnumerable<string> ids) =>
        ids.ToDictionary(id => id, _ => Months);

    public static KpiTrend Trend(string id) => new(Kpis.Get(id), Months, Months);

    public static OverviewData Overview(IReadOnlyDictionary<string, decimal?>? values = null, long version = 1, IReadOnlyList<string>? only = null)
    {
        var ids = OverviewService.Tiles.SelectMany(t => t.Ids).Where(id => only is null || only.Contains(id)).ToList();
        var report = Report(ids, values, version);
        var groups = OverviewService.Tiles
            .Select(t => new KpiTileGroup(t.Area, [.. t.Ids.Where(ids.Contains).Select(id => new KpiTileData(report[id], Months))]))
            .Where(g => g.Tiles.Count > 0)
            .ToList();
        var trend = new TrendSeries(TrendGrain.Day, [new TrendPoint(new DateOnly(2024, 3, 1), 100m, 40m, new DateOnly(2024, 2, 1), 90m)]);
        return new OverviewData(report, groups, trend, [new RegionRevenue(1, "East China", 100m, 90m), new RegionRevenue(2, "South China", 50m, 60m)]);
    }

    public static ContributionData Contribution(IReadOnlyDictionary<string, decimal?>? values = null) => new(
        Report(ContributionService.KpiIds, values),
        new ParetoCurve([new ParetoPoint(1, 0.5m, 0.8m), new ParetoPoint(2, 1m, 1m)], 2, 150m),
        [new AbcClassRow("A", 1, 120m, 50m, 3, 0.5m, 0.8m), new AbcClassRow("B", 1, 30m, 10m, 1, 0.5m, 0.2m)],
        [new RfmSegmentRow(RfmSegment.Champions, 1, 120m, 5m, 3m, 0.5m, 0.8m)],
        [.. Enumerable.Range(1, 5).SelectMany(r => Enumerable.Range(1, 5).Select(f => new RfmCell(r, f, r == 5 && f == 5 ? 1 : 0, r == 5 && f == 5 ? 120m : 0m, RfmSegment.Champions)))],
        [.. ContributionService.BreakdownDimensions.Select(kind => new DimensionBreakdown(kind,
            [new MemberContribution(1, kind + " one", 100m, 40m, 3, 1, 0.66m, 0.8m, 90m)]))]);

    public static RetentionData Retention(IReadOnlyDictionary<string, decimal?>? values = null) => new(
        Report(RetentionService.KpiIds, values),
        Sparklines(RetentionService.KpiIds),
        [new CohortRow(new DateOnly(2024, 1, 1), 10, [1m, 0.4m, null])],
        [.. RetentionService.TrendIds.Select(Trend)],
        [new RevenueMix(new DateOnly(2024, 3, 1), 40m, 60m, 0m, 80m)]);

    /// <summary>The Satisfaction page with a channel, a category and an agent (id 5, "Wang Fang") of one ticket each.</summary>
    public static SatisfactionData Satisfaction(IReadOnlyDictionary<string, decimal?>? values = null) => new(
        Report(SatisfactionService.KpiIds, values),
        Sparklines(SatisfactionService.KpiIds),
        [.. SatisfactionService.TrendIds.Select(Trend)],
        [new BandShare("satisfied", new LocalizedText("Satisfied", "满意"), "80–100", 3, 0.75m)],
        [new BandShare("good", new LocalizedText("Good", "好"), "8–10", 2, 0.5m)],
        [
            new ServiceBreakdown(ServiceDimension.Channel, [Service("email", "email")]),
            new ServiceBreakdown(ServiceDimension.Category, [Service("billing", "billing")]),
            new ServiceBreakdown(ServiceDimension.Agent, [Service("Wang Fang", "5")]),
        ],
        [new GroupSatisfaction(true, 1, 60m, -100m, 2, 0.5m, 30m, 24m), new GroupSatisfaction(false, 3, 85m, 33m, 1, 0m, 20m, 12m)]);

    private static ServiceRow Service(string member, string key) =>
        new(member, key, 1, 0, 30m, 30m, 30m, 24m, 24m, 24m, 1m, 0m, null, null);

    public static MarketingData Marketing(IReadOnlyDictionary<string, decimal?>? values = null) => new(
        Report(MarketingService.KpiIds, values),
        Sparklines(MarketingService.KpiIds),
        [new FunnelStage("targeted", new LocalizedText("Targeted", "触达"), 10, 1m), new FunnelStage("responded", new LocalizedText("Responded", "响应"), 4, 0.4m)],
        [new CampaignPoint(7, "Singles' Day 11.11", 100m, 300m, 2m, false)],
        [new ChannelAcquisition(1, "Search", 100m, 4, 25m)],
        Trend("cross_sell_rate"));

    public static TargetStanding Standing(int? teamId, string name, int? repId = null, decimal revenue = 80m, decimal quota = 100m) =>
        new(teamId, name, repId, revenue, quota, revenue / quota, 1m, revenue * 1.1m, revenue * 1.1m / quota, 1.5m, 0.5m, quota / 2, TargetStatus.OnTrack);

    /// <summary>The headlines of the given teams (ids 1 "North team", 2 "South team" by default).</summary>
    public static TeamBoard Board(params TargetStanding[] teams) => new(
        Period, new TargetCalendar(31, 15, 17), Standing(null, "All", revenue: teams.Sum(t => t.Revenue), quota: Math.Max(1, teams.Sum(t => t.Quota))),
        teams, 1);

    public static TargetsData Targets(TeamBoard? board = null, IReadOnlyList<TargetStanding>? reps = null) => new(
        board ?? Board(Standing(1, "North team"), Standing(2, "South team", revenue: 120m)),
        Report(TargetsService.KpiIds),
        Sparklines(TargetsService.KpiIds),
        reps ?? [],
        [new StagePipeline("proposal", new LocalizedText("Proposal", "方案"), 0.5m, 2, 1000m, 500m)],
        [Trend("win_rate"), Trend("loss_rate")],
        Trend("sales_cycle_days"));

    public static CustomerView Customer(long id = 1, string name = "Ann", IReadOnlyList<CustomerEvent>? history = null) => new(
        new CustomerProfile(id, "C" + id, name, "Retail", "Shanghai", "East China", "Li Wei", "North team",
            "ann@example.com", null, new DateOnly(2023, 5, 4), "Search", "Spring sale"),
        new CustomerSales(400m, 170m, 2, 30m, 700m, 4, new DateOnly(2024, 1, 10), new DateOnly(2024, 3, 20)),
        new CustomerSales(200m, 80m, 1, 0m, 300m, 2, new DateOnly(2024, 1, 10), new DateOnly(2024, 2, 5)),
        history ?? [],
        Period);

    /// <summary>A grid row with the given cells by field (numbers, dates or text, as the column's kind); the other cells empty.</summary>
    public static TableRow<TKey> Row<TKey>(TableDefinition<TKey> table, TKey key, params (string Field, object Value)[] cells) where TKey : notnull =>
        new(key, [.. table.Columns.Select(c => cells.FirstOrDefault(v => v.Field == c.Field).Value switch
        {
            null => new TableCell(),
            DateOnly date => new TableCell(Date: date),
            string text => new TableCell(Text: text),
            var number => new TableCell(Number: Convert.ToDecimal(number, System.Globalization.CultureInfo.InvariantCulture)),
        })]);
}
