using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Contribution;

/// <summary>
/// The Contribution views over <see cref="GoldenDataset"/>, P = March 2024. Customers' sales in P:
/// C1 400 (O6 300, O7 100; last 03-20), C4 400 (O9; 03-12), C3 260 (O8 200, O14 60; 03-28), C5 80 (O10; 03-15).
/// Ranked by revenue, ties by id: C1, C4, C3, C5; total 1140.
/// </summary>
public sealed class ContributionServiceTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
    private TestDatabase _db = null!;
    private ContributionData _data = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        _data = await _db.Contribution.GetAsync(March, DataScope.All);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void The_pareto_curve_accumulates_revenue_from_the_largest_customer()
    {
        Assert.Equal(4, _data.Pareto.Customers);
        Assert.Equal(
            [(0m, 0m), (0.25m, 400m / 1140m), (0.5m, 800m / 1140m), (0.75m, 1060m / 1140m), (1m, 1m)],
            _data.Pareto.Points.Select(p => (p.CustomerShare, p.RevenueShare)));
    }

    [Fact]
    public void Abc_classes_split_at_80_and_95_percent_of_revenue()
    {
        // Revenue before each customer: C1 0, C4 400, C3 800 (all under 912 = 80 %) → A;
        // C5 1060 (under 1083 = 95 %) → B; nobody is left for C.
        var abc = _data.Abc.ToDictionary(a => a.Class);
        Assert.Equal((3, 1060m), (abc["A"].Customers, abc["A"].Revenue));
        Assert.Equal((1, 80m), (abc["B"].Customers, abc["B"].Revenue));
        Assert.Equal(0, abc["C"].Customers);
        Assert.Equal(1060m / 1140m, abc["A"].RevenueShare);
    }

    [Fact]
    public void Rfm_scores_by_percentile_rank_and_names_segments_by_the_rules()
    {
        // Recency to 03-31: C4 19, C5 16, C1 11, C3 3 days → R 1, 2, 4, 5.
        // Orders: C4 1, C5 1, C1 2, C3 2 → F 1, 1, 4, 4 (ties share the lower rank).
        // Revenue: C5 80, C3 260, C1 400, C4 400 → M 1, 2, 4, 4.
        // C1 (4,4,4) Champions · C3 (5,4,2) Loyal · C4 (1,1,4) Lost · C5 (2,1,1) Hibernating.
        var segments = _data.Rfm.ToDictionary(s => s.Segment);
        Assert.Equal(1, segments[RfmSegment.Champions].Customers);
        Assert.Equal(400m, segments[RfmSegment.Champions].Revenue);
        Assert.Equal(1, segments[RfmSegment.Loyal].Customers);
        Assert.Equal(1, segments[RfmSegment.Lost].Customers);
        Assert.Equal(19m, segments[RfmSegment.Lost].AverageRecencyDays);
        Assert.Equal(1, segments[RfmSegment.Hibernating].Customers);
        Assert.Equal(0, segments[RfmSegment.AtRisk].Customers);
        Assert.Equal(25, _data.RfmMap.Count);
        Assert.Equal(1, _data.RfmMap.Single(c => c.Recency == 5 && c.Frequency == 4).Customers);
    }

    [Fact]
    public void Contribution_by_region_gives_shares_and_the_comparison()
    {
        var regions = _data.Breakdowns.Single(b => b.Kind == DimensionKind.Region).Members.ToDictionary(m => m.Name);
        // South: O8 200, O9 400, O14 60 (profit 50+100+30); North: O6 300, O7 100, O10 80, O11 20 (profit 120+50+40+10).
        Assert.Equal(660m, regions["South"].Revenue);
        Assert.Equal(660m / 1160m, regions["South"].RevenueShare);
        Assert.Equal(180m / 400m, regions["South"].ProfitShare);
        Assert.Equal(220m / 400m, regions["North"].ProfitShare);
        Assert.Equal(190m, regions["South"].ComparisonRevenue); // P': O4 150, O5 40
        Assert.Equal("South", _data.Breakdowns[0].Members[0].Name); // largest first
    }

    /// <summary>The comparison period's revenue per member comes from a query without the distinct customers: the same sums.</summary>
    [Theory]
    [InlineData("region")]
    [InlineData("segment")]
    [InlineData("channel")]
    [InlineData("category")]
    public async Task The_revenue_only_breakdown_sums_as_the_full_one(string dimension)
    {
        var args = QueryArgs.For(March, DataScope.All)
            .Window(new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1)), new DateRange(new DateOnly(2023, 12, 30), new DateOnly(2024, 1, 30)))
            .With("dimension", dimension);

        var full = await _db.Runner.QueryRowsAsync("contribution/by_dimension", args);
        var revenueOnly = await _db.Runner.QueryRowsAsync("contribution/by_dimension_revenue", args);

        Assert.NotEmpty(full);
        Assert.Equal(
            full.Select(r => (r.GetDecimal("member_id"), r.GetDecimal("revenue"))).OrderBy(m => m.Item1 ?? -1),
            revenueOnly.Select(r => (r.GetDecimal("member_id"), r.GetDecimal("revenue"))).OrderBy(m => m.Item1 ?? -1));
    }

    [Fact]
    public void Segment_breakdown_keeps_anonymous_sales_as_their_own_row()
    {
        var segments = _data.Breakdowns.Single(b => b.Kind == DimensionKind.Segment).Members;
        var none = Assert.Single(segments, m => m.MemberId is null);
        Assert.Equal(20m, none.Revenue); // O11, no customer
    }

    [Theory]
    [InlineData("revenue", 1, 1, 2, "C4,C3")] // 400 (C1), 400 (C4), 260, 80 — ties by id, second page from row 1
    [InlineData("revenue", 0, 0, 10, "C5,C3,C1,C4")]
    [InlineData("last_order", 1, 0, 2, "C3,C1")]
    [InlineData("name", 0, 2, 2, "Dan,Eva")]
    public async Task The_customer_list_sorts_and_pages_in_the_database(string sort, int descending, int offset, int limit, string expected)
    {
        var args = QueryArgs.For(March, DataScope.All)
            .Window(new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1)), new DateRange(new DateOnly(2024, 1, 30), new DateOnly(2024, 3, 1)))
            .With("sort", sort).With("descending", descending).With("offset", offset).With("limit", limit);

        var rows = await _db.Runner.QueryRowsAsync("contribution/customers", args);

        var key = sort == "name" ? "name" : "customer_code";
        Assert.Equal(expected, string.Join(',', rows.Select(r => r.GetString(key))));
        Assert.All(rows, r => Assert.Equal(4, r.GetInt64("total_rows")));
    }

    [Theory]
    [InlineData(5, 5, 5, RfmSegment.Champions)]
    [InlineData(3, 5, 1, RfmSegment.Loyal)]
    [InlineData(5, 1, 5, RfmSegment.New)]
    [InlineData(4, 3, 2, RfmSegment.Potential)]
    [InlineData(2, 5, 5, RfmSegment.AtRisk)]
    [InlineData(1, 2, 5, RfmSegment.Lost)]
    [InlineData(3, 2, 3, RfmSegment.Hibernating)]
    [InlineData(2, 2, 2, RfmSegment.Hibernating)]
    public void Rfm_rules(int r, int f, int m, RfmSegment expected) => Assert.Equal(expected, RfmSegments.Classify(r, f, m));
}
