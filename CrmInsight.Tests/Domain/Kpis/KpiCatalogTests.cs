using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Tests.Domain.Kpis;

public sealed class KpiCatalogTests
{
    private static readonly string[] Headline =
    [
        "revenue", "gross_profit", "gross_margin", "revenue_growth", "orders", "active_customers", "avg_order_value",
        "items_per_order", "purchase_frequency", "returns_value", "return_rate", "new_customers", "retention_rate",
        "churn_rate", "repurchase_rate", "csat", "nps", "complaint_rate", "resolution_rate", "first_response_time",
        "response_rate", "cac", "roi", "attainment", "win_rate",
    ];

    private readonly KpiCatalog _catalog = new();

    // Sections 1 and 2 of KPIS.md beyond the headline set (abc_class, rfm and cohort_retention
    // classify customers rather than measure a period, so the views compute them).
    private static readonly string[] ContributionAndRetention =
        ["top20_share", "contribution_share", "profit_contribution", "clv", "lead_conversion", "winback_rate", "customer_growth"];

    // Sections 3 and 4 beyond the headline set: the percentiles of the two service times, and
    // csat_band served as one share per band.
    private static readonly string[] SatisfactionAndMarketing =
    [
        "service_quality", "csat_band_very_satisfied", "csat_band_satisfied", "csat_band_neutral", "csat_band_dissatisfied",
        "first_response_time_p50", "first_response_time_p90", "resolution_time", "resolution_time_p50", "resolution_time_p90",
        "repeat_issue_rate", "call_wait_time", "call_talk_time",
        "reach", "conversion_rate", "campaign_spend", "attributed_revenue", "cost_per_response", "cross_sell_rate",
    ];

    // Section 5 beyond the headline set, with activities_per_rep by kind of follow-up.
    private static readonly string[] SalesTargets =
    [
        "quota", "pace", "run_rate_forecast", "forecast_attainment", "loss_rate", "sales_cycle_days", "pipeline",
        "weighted_pipeline", "pipeline_coverage", "activities_per_rep",
        "activities_per_rep_call", "activities_per_rep_email", "activities_per_rep_visit", "activities_per_rep_meeting",
    ];

    // Section 7: the CRM's own data quality.
    private static readonly string[] DataHealth = ["data_completeness", "identified_order_share", "freshness", "update_rate"];

    /// <summary>Every KPI id of KPIS.md §1–§5 and §7 that the product serves, as this test states them (the API test uses it too).</summary>
    public static IEnumerable<string> ExpectedIds => Headline.Concat(ContributionAndRetention).Concat(SatisfactionAndMarketing).Concat(SalesTargets).Concat(DataHealth);

    [Fact]
    public void Holds_the_headline_set_and_the_rest_of_sections_1_to_5_and_7() =>
        Assert.Equal(ExpectedIds.Order(), _catalog.All.Select(k => k.Id).Order());

    /// <summary>Names and formulas are texts of the Web resources, by the KPI's id (DomainTextTests checks both languages hold them).</summary>
    [Fact]
    public void Every_kpi_names_its_name_and_formula_by_its_id()
    {
        foreach (var kpi in _catalog.All)
        {
            Assert.Equal(($"kpi.{kpi.Id}.name", $"kpi.{kpi.Id}.formula"), (kpi.Name.Key, kpi.Formula.Key));
        }
    }

    /// <summary>
    /// The filters a KPI claims to apply are exactly the ones its SQL reads: a filter the tile
    /// says it applies is never silently dropped, and one it says it ignores really is ignored.
    /// </summary>
    [Fact]
    public void The_filters_a_kpi_applies_are_the_ones_its_query_reads()
    {
        foreach (var kpi in _catalog.All)
        {
            foreach (var query in kpi.Queries.Append(kpi.MonthlyQuery).OfType<string>())
            {
                var parameters = SqlCatalog.Default.Get(query, SqlDialect.DuckDb).Parameters;
                foreach (var kind in DimensionKinds.All)
                {
                    var reads = parameters.Contains($"{kind.UrlName()}_ids");
                    Assert.True(reads == kpi.Filters.Contains(kind), $"{kpi.Id} ({query}) and the {kind} filter disagree");
                }
            }
        }
    }

    [Fact]
    public void Every_query_over_team_owned_rows_takes_the_team_scope()
    {
        string[] teamOwned = ["fact_order", "fact_opportunity", "fact_quota", "fact_activity", "dim_customer", "dim_rep"];
        // Reads that feed screens; the write paths (ingest/, aggregates/) are authorised by their
        // API key or command, not by a viewer's teams.
        string[] writePaths = ["system/", "ingest/", "aggregates/"];
        foreach (var name in SqlCatalog.Default.QueryNames.Where(n => !writePaths.Any(w => n.StartsWith(w, StringComparison.Ordinal))))
        {
            // The text with its fragments expanded: a query may read a table only through a fragment.
            var query = SqlCatalog.Default.Get(name, SqlDialect.DuckDb);
            if (!teamOwned.Any(t => query.Text.Contains(t, StringComparison.Ordinal)))
            {
                continue;
            }
            var parameters = query.Parameters;
            if (name.StartsWith(QueryCache.UnfilteredPrefix, StringComparison.Ordinal))
            {
                // The unfiltered twins serve the whole scope only: any other scope gets no rows.
                Assert.Contains("scope_all = 1", query.Text, StringComparison.Ordinal);
                Assert.Contains("scope_all", parameters);
            }
            else
            {
                Assert.Contains("scope_team_ids", parameters);
            }
        }
    }

    [Fact]
    public void Ignored_filters_are_the_active_ones_a_kpi_does_not_apply()
    {
        var filter = DashboardFilter.Default with { Regions = IdSet.Of(1), Campaigns = IdSet.Of(2) };

        Assert.Equal([DimensionKind.Region], _catalog.Get("cac").IgnoredFilters(filter));
        Assert.Equal([DimensionKind.Campaign], _catalog.Get("csat").IgnoredFilters(filter));
        Assert.Empty(_catalog.Get("revenue").IgnoredFilters(filter));
    }

    [Theory]
    [InlineData("churn_rate", KpiDirection.LowerIsBetter, KpiUnit.Fraction)]
    [InlineData("nps", KpiDirection.HigherIsBetter, KpiUnit.Score)]
    [InlineData("first_response_time", KpiDirection.LowerIsBetter, KpiUnit.Minutes)]
    [InlineData("cac", KpiDirection.LowerIsBetter, KpiUnit.Money)]
    [InlineData("resolution_time_p90", KpiDirection.LowerIsBetter, KpiUnit.Hours)]
    [InlineData("call_wait_time", KpiDirection.LowerIsBetter, KpiUnit.Seconds)]
    [InlineData("repeat_issue_rate", KpiDirection.LowerIsBetter, KpiUnit.Fraction)]
    [InlineData("cost_per_response", KpiDirection.LowerIsBetter, KpiUnit.Money)]
    [InlineData("quota", KpiDirection.Neutral, KpiUnit.Money)]
    [InlineData("pace", KpiDirection.HigherIsBetter, KpiUnit.Fraction)]
    [InlineData("loss_rate", KpiDirection.LowerIsBetter, KpiUnit.Fraction)]
    [InlineData("sales_cycle_days", KpiDirection.LowerIsBetter, KpiUnit.Days)]
    [InlineData("pipeline_coverage", KpiDirection.HigherIsBetter, KpiUnit.Ratio)]
    [InlineData("data_completeness", KpiDirection.HigherIsBetter, KpiUnit.Fraction)]
    [InlineData("freshness", KpiDirection.LowerIsBetter, KpiUnit.Minutes)]
    [InlineData("update_rate", KpiDirection.Neutral, KpiUnit.Fraction)]
    public void Directions_and_units_follow_kpis_md(string id, KpiDirection direction, KpiUnit unit)
    {
        Assert.Equal(direction, _catalog.Get(id).Direction);
        Assert.Equal(unit, _catalog.Get(id).Unit);
    }
}
