using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Kpis;

/// <summary>
/// KPIS.md §3 beyond the headline tiles, against <see cref="ServiceMarketingDataset"/> worked by hand.
/// Tickets in P (March 2024): T1..T5; in P': T6.
/// Percentiles are continuous (PERCENTILE_CONT): the value at h = 1 + p × (n − 1) of the sorted
/// values, interpolated between the ranks either side.
/// </summary>
public sealed class ServiceKpiTests(ServiceMarketingDatabase data) : IClassFixture<ServiceMarketingDatabase>, IAsyncLifetime
{
    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    // The tests only read: one database for the class.
    private readonly TestDatabase _db = data.Db;
    private KpiReport _report = null!;

    public async Task InitializeAsync()
    {
        _report = await _db.Kpis.GetKpisAsync(March, DataScope.All, _db.Kpis.Catalog.All.Where(k => k.Area == KpiArea.Satisfaction).Select(k => k.Id));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void First_response_time_mean_and_percentiles_with_a_tie()
    {
        // Answered in P: T1 10, T2 20, T3 30, T4 30 minutes (T5 unanswered).
        Assert.Equal(22.5m, _report["first_response_time"].Value); // 90 / 4
        Assert.Equal(25m, _report["first_response_time_p50"].Value); // h = 2.5: 20 + 0.5 × (30 − 20)
        Assert.Equal(30m, _report["first_response_time_p90"].Value); // h = 3.7: between the tied 30 and 30
    }

    [Fact]
    public void Resolution_time_in_hours_mean_and_percentiles()
    {
        // Resolved in P: T1 2 h, T2 4 h, T3 10 h.
        Assert.Equal(16m / 3m, _report["resolution_time"].Value);
        Assert.Equal(4m, _report["resolution_time_p50"].Value); // h = 2
        Assert.Equal(8.8m, _report["resolution_time_p90"].Value); // h = 2.8: 4 + 0.8 × (10 − 4)
    }

    [Fact]
    public void One_value_is_every_percentile()
    {
        // P' has T6 only: answered after 40 minutes, resolved after 1 hour.
        Assert.Equal(40m, _report["first_response_time_p50"].ComparisonValue);
        Assert.Equal(40m, _report["first_response_time_p90"].ComparisonValue);
        Assert.Equal(1m, _report["resolution_time_p50"].ComparisonValue);
        Assert.Equal(1m, _report["resolution_time_p90"].ComparisonValue);
    }

    [Fact]
    public async Task Two_values_interpolate_and_equal_values_stay()
    {
        // Region 1 (C1, C3): answered T1 10 and T2 20 minutes; resolved T1 2 h and T2 4 h.
        var north = await _db.Kpis.GetKpisAsync(March.WithMembers(DimensionKind.Region, IdSet.Of(1)), DataScope.All,
            ["first_response_time_p50", "first_response_time_p90", "resolution_time_p50", "resolution_time_p90"]);
        Assert.Equal(15m, north["first_response_time_p50"].Value); // h = 1.5
        Assert.Equal(19m, north["first_response_time_p90"].Value); // h = 1.9: 10 + 0.9 × 10
        Assert.Equal(3m, north["resolution_time_p50"].Value);
        Assert.Equal(3.8m, north["resolution_time_p90"].Value);

        // Region 2 (C2, C4): T3 and T4 both answered after 30 minutes.
        var south = await _db.Kpis.GetKpisAsync(March.WithMembers(DimensionKind.Region, IdSet.Of(2)), DataScope.All,
            ["first_response_time_p50", "first_response_time_p90"]);
        Assert.Equal(30m, south["first_response_time_p50"].Value);
        Assert.Equal(30m, south["first_response_time_p90"].Value);
    }

    [Fact]
    public async Task No_tickets_means_undefined_percentiles()
    {
        var empty = DashboardFilter.Default.WithCustomRange(new DateOnly(2023, 6, 1), new DateOnly(2023, 7, 1));
        var report = await _db.Kpis.GetKpisAsync(empty, DataScope.All,
            ["first_response_time_p50", "first_response_time_p90", "resolution_time_p50", "resolution_time_p90", "resolution_time", "repeat_issue_rate", "call_wait_time"]);
        Assert.All(report.Kpis, k => Assert.Null(k.Value));
    }

    [Fact]
    public async Task Percentiles_are_taken_per_month_in_the_sparkline()
    {
        var series = await _db.Kpis.GetMonthlySeriesAsync(March, DataScope.All, ["first_response_time_p50"], months: 2);
        Assert.Equal([40m, 25m], series["first_response_time_p50"].Select(p => p.Value)); // February: T6 ; March: T1..T4
    }

    [Fact]
    public void Repeat_issues_within_30_days_of_the_same_customer_and_category()
    {
        // T2 (C1 billing, 03-31) repeats T1 (C1 billing, 03-01): 30 days earlier, a repeat.
        // T3 (C2 delivery, 03-05) follows T6 (C2 delivery, 02-03) by 31 days: not a repeat.
        // T5 is billing too, but C3's: not a repeat. 1 of 5 tickets.
        Assert.Equal(1m / 5m, _report["repeat_issue_rate"].Value);
        Assert.Equal(0m, _report["repeat_issue_rate"].ComparisonValue);
    }

    [Fact]
    public void Call_wait_and_talk_are_means_over_calls()
    {
        // Phone tickets T1 and T4: wait 60 and 120 s, talk 300 and 600 s.
        Assert.Equal(90m, _report["call_wait_time"].Value);
        Assert.Equal(450m, _report["call_talk_time"].Value);
        Assert.Null(_report["call_wait_time"].ComparisonValue); // no calls in P'
        Assert.Equal(3m / 5m, _report["resolution_rate"].Value); // T1, T2, T3 of five
    }

    [Fact]
    public void Csat_bands_put_each_boundary_on_the_right_side()
    {
        // CSAT answers in P: 49, 50, 69, 70, 89, 90, 100, 0, 95 (nine).
        Assert.Equal(3m / 9m, _report["csat_band_very_satisfied"].Value); // 90, 100, 95
        Assert.Equal(2m / 9m, _report["csat_band_satisfied"].Value); // 70, 89
        Assert.Equal(2m / 9m, _report["csat_band_neutral"].Value); // 50, 69
        Assert.Equal(2m / 9m, _report["csat_band_dissatisfied"].Value); // 0, 49
        Assert.Equal(612m / 9m, _report["csat"].Value);
    }

    [Fact]
    public void Service_quality_is_the_mean_rating()
    {
        // Ratings 4, 5, 6, 7, 8, 9, 10, 1, 9.
        Assert.Equal(59m / 9m, _report["service_quality"].Value);
        Assert.Null(_report["service_quality"].ComparisonValue); // no surveys in P'
    }
}
