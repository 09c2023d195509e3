using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Kpis;

/// <summary>
/// The KPIs that look beyond one period (clv, winback_rate, customer_growth) and lead_conversion,
/// on a two-year history worked out by hand. P = March 2024, P' = [2024-01-30, 2024-03-01).
/// </summary>
public sealed class CustomerLifetimeKpiTests : IAsyncLifetime
{
    private const string History = """
        INSERT INTO dim_region VALUES (1, 'North');
        INSERT INTO dim_team VALUES (1, 'Team', 1);
        INSERT INTO dim_rep VALUES (1, 'Rep', 1, 1, NULL);
        INSERT INTO dim_customer (customer_id, customer_code, region_id, segment_id, owner_rep_id, updated_at)
            SELECT i, 'C' || i, 1, 1, 1, TIMESTAMP '2022-01-01 00:00:00' FROM range(1, 6) t(i);
        -- id, code, customer, date, rep, team, region, segment, channel, category, campaign, revenue, cost, items, returned, status
        INSERT INTO fact_order (order_id, order_code, customer_id, order_date, rep_id, team_id, region_id, segment_id, channel_id, category_id, campaign_id, revenue, cost, items, returned_value, status) VALUES
            (1, 'O1', 1, DATE '2022-06-01', 1, 1, 1, 1, 1, 1, NULL, 100, 60, 1, 0, 'completed'),
            (2, 'O2', 2, DATE '2022-07-01', 1, 1, 1, 1, 1, 1, NULL, 50, 30, 1, 0, 'completed'),
            (3, 'O3', 4, DATE '2022-05-01', 1, 1, 1, 1, 1, 1, NULL, 80, 40, 1, 0, 'completed'),
            (4, 'O4', 1, DATE '2023-06-01', 1, 1, 1, 1, 1, 1, NULL, 200, 100, 1, 0, 'completed'),
            (5, 'O5', 3, DATE '2023-05-01', 1, 1, 1, 1, 1, 1, NULL, 300, 200, 1, 0, 'completed'),
            (6, 'O6', 3, DATE '2023-09-01', 1, 1, 1, 1, 1, 1, NULL, 100, 50, 1, 0, 'completed'),
            (7, 'O7', 1, DATE '2024-03-10', 1, 1, 1, 1, 1, 1, NULL, 100, 50, 1, 0, 'completed'),
            (8, 'O8', 4, DATE '2024-03-20', 1, 1, 1, 1, 1, 1, NULL, 120, 60, 1, 0, 'completed'),
            (9, 'O9', 5, DATE '2024-03-05', 1, 1, 1, 1, 1, 1, NULL, 80, 40, 1, 0, 'completed');
        -- id, code, rep, customer, created, closed, stage, amount
        INSERT INTO fact_opportunity (opportunity_id, opportunity_code, rep_id, customer_id, created_date, closed_date, stage, amount) VALUES
            (1, 'P1', 1, 1, DATE '2024-03-02', DATE '2024-03-20', 'won', 100),
            (2, 'P2', 1, 2, DATE '2024-03-05', DATE '2024-03-25', 'lost', 100),
            (3, 'P3', 1, 3, DATE '2024-03-07', NULL, 'proposal', 100),
            (4, 'P4', 1, 4, DATE '2024-02-10', DATE '2024-03-01', 'won', 100);
        """;

    private static readonly DashboardFilter March = DashboardFilter.Default.WithCustomRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 4, 1));

    private TestDatabase _db = null!;
    private KpiReport _report = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(History);
        _report = await _db.Kpis.GetKpisAsync(March, DataScope.All, ["clv", "winback_rate", "customer_growth", "lead_conversion"]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public void Clv_uses_the_twelve_months_to_the_end_of_the_period()
    {
        // Year [2023-04-01, 2024-04-01): O4 200, O5 300, O6 100, O7 100, O8 120, O9 80 → revenue 900,
        // cost 500, 6 orders, active C1, C3, C4, C5. Year before: C1, C2, C4 active; C1 and C4 again.
        // AOV 150 × frequency 6/4 × margin 400/900 / churn 1/3 = 300.
        Assert.Equal(300m, decimal.Round(_report["clv"].Value!.Value, 10));
        Assert.Contains(_report["clv"].Inputs, i => i.Measure == "revenue" && i.Value == 900m);
        Assert.Contains(_report["clv"].Inputs, i => i.Measure == "previous_active" && i.Value == 3m);
    }

    [Fact]
    public void Clv_comparison_is_the_year_to_the_end_of_the_comparison_period()
    {
        // Year [2023-03-01, 2024-03-01): O4 200, O5 300, O6 100 → revenue 600, cost 350, 3 orders,
        // active C1, C3. Year before: C1, C2, C4; only C1 again → churn 2/3.
        // AOV 200 × frequency 3/2 × margin 250/600 / churn 2/3 = 187.5.
        Assert.Equal(187.5m, decimal.Round(_report["clv"].ComparisonValue!.Value, 10));
    }

    [Fact]
    public void Winback_counts_lapsed_customers_who_came_back()
    {
        // Lapsed at the start of P: a sale before 2024-01-30 and none in P' → C1, C2, C3, C4.
        // Back in P: C1 (03-10) and C4 (03-20). C5 is new, not won back.
        Assert.Equal(2m / 4m, _report["winback_rate"].Value);
    }

    [Fact]
    public void Customer_growth_is_new_customers_over_the_base_before_the_period()
    {
        // First sales before 2024-03-01: C1, C2, C3, C4; first sale in March: C5.
        Assert.Equal(1m / 4m, _report["customer_growth"].Value);
        Assert.Equal(0m, _report["customer_growth"].ComparisonValue); // nobody new in P'
    }

    [Fact]
    public void Lead_conversion_follows_leads_by_their_creation_date()
    {
        // Created in P: P1 won, P2 lost, P3 open → 1/3. Created in P': P4, won.
        Assert.Equal(1m / 3m, _report["lead_conversion"].Value);
        Assert.Equal(1m, _report["lead_conversion"].ComparisonValue);
    }

    [Fact]
    public async Task Kpis_without_a_monthly_meaning_have_no_sparkline()
    {
        var series = await _db.Kpis.GetMonthlySeriesAsync(March, DataScope.All, ["clv", "customer_growth"], months: 3);

        Assert.Empty(series["clv"]);
        Assert.Equal(1m / 4m, series["customer_growth"][2].Value); // March: C5 over C1–C4
    }
}
