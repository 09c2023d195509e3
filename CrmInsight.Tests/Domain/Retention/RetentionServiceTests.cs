using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Tables;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Retention;

/// <summary>
/// The Retention views over <see cref="GoldenDataset"/>, P = March 2024; monthly views cover
/// April 2023 – March 2024. First sales: C1 January; C2, C3 February; C4, C5 March.
/// Months with sales: C1 Jan, Feb, Mar · C2 Feb (its March order was cancelled) · C3 Feb, Mar · C4, C5 Mar.
/// </summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));
    private TestDatabase _db = null!;
    private RetentionData _data = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        _data = await _db.Retention.GetAsync(March, DataScope.All);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void Cohorts_show_the_share_of_each_first_month_buying_again()
    {
        var cohorts = _data.Cohorts.ToDictionary(c => c.Cohort);
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)], cohorts.Keys);

        var january = cohorts[new DateOnly(2024, 1, 1)];
        Assert.Equal(1, january.Size);
        Assert.Equal([1m, 1m, 1m, null], january.Retention.Take(4)); // C1 bought in Feb and Mar; April has not come

        var february = cohorts[new DateOnly(2024, 2, 1)];
        Assert.Equal(2, february.Size);
        Assert.Equal([1m, 0.5m, null], february.Retention.Take(3)); // C3 again in March, C2 not

        Assert.Equal([1m, null], cohorts[new DateOnly(2024, 3, 1)].Retention.Take(2));
    }

    [Fact]
    public void Revenue_splits_into_new_returning_and_anonymous_buyers()
    {
        var march = _data.Mix.Single(m => m.Month == new DateOnly(2024, 3, 1));
        Assert.Equal((480m, 660m, 20m), (march.New, march.Returning, march.Anonymous)); // C4 400 + C5 80 ; C1 400 + C3 260 ; O11
        var february = _data.Mix.Single(m => m.Month == new DateOnly(2024, 2, 1));
        Assert.Equal((200m, 200m, 40m), (february.New, february.Returning, february.Anonymous));
        Assert.Equal(12, _data.Mix.Count);
        Assert.Equal(new DateOnly(2023, 4, 1), _data.Mix[0].Month);
        Assert.All(_data.Mix, m => Assert.False(m.Partial)); // P ends with March, which is over (today is 15 April)
    }

    [Theory]
    [InlineData("2024-03-01", "2024-03-16", "2024-03-01")] // cut by the period's end (1–15 March)
    [InlineData("2024-04-01", "2024-05-01", "2024-04-01")] // not over: today is 15 April
    public async Task A_last_month_not_over_is_marked_partial_and_only_that_one(string from, string to, string partialMonth)
    {
        var filter = DashboardFilter.Default.WithCustomRange(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture));

        var mix = (await _db.Retention.GetAsync(filter, DataScope.All)).Mix;

        Assert.Equal(DateOnly.Parse(partialMonth, CultureInfo.InvariantCulture), mix[^1].Month);
        Assert.True(mix[^1].Partial);
        Assert.All(mix.Take(mix.Count - 1), m => Assert.False(m.Partial));
    }

    [Fact]
    public void Trends_compare_each_month_with_the_same_month_a_year_earlier()
    {
        var retention = _data.Trends.Single(t => t.Definition.Id == "retention_rate");
        Assert.Equal(2m / 3m, retention.Current[^1].Value); // March against February
        Assert.Equal(12, retention.Comparison.Count);
        Assert.All(retention.Comparison, p => Assert.Null(p.Value)); // nothing a year earlier
        Assert.Equal(new DateOnly(2023, 3, 1), retention.Comparison[^1].Month);
    }

    [Fact]
    public async Task Churned_customers_are_those_of_the_comparison_period_who_did_not_come_back()
    {
        var page = await _db.Tables.ReadPageAsync(TableCatalog.ChurnedCustomers, March, DataScope.All, TableCatalog.ChurnedCustomers.Request(null, null, 0, 25));

        var row = Assert.Single(page.Rows); // C2: active in P' (O3), only a cancelled order in P
        Assert.Equal("C2", row.GetString("customer_code"));
        Assert.Equal(new DateOnly(2024, 2, 10), row.GetDate("last_order"));
        Assert.Equal(50m, row.GetDecimal("lifetime_revenue"));
        Assert.Equal(40m, row.GetDecimal("last_csat")); // S4
    }
}
