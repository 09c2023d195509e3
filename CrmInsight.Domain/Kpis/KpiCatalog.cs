using System.Collections.Frozen;
using CrmInsight.Domain.Filters;
using static CrmInsight.Domain.Kpis.MeasureContext;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// The KPIs the product computes, as KPIS.md defines them. Each is one query (its measures)
/// and one formula here; nothing re-derives a KPI elsewhere. Names and written formulas are texts
/// of the Web resources (kpi.&lt;id&gt;.name, kpi.&lt;id&gt;.formula; see KpiDefinition).
/// </summary>
public sealed class KpiCatalog
{
    private static readonly IReadOnlySet<DimensionKind> AllDimensions = DimensionKinds.All.ToFrozenSet();

    // Facts reached through the customer (surveys, tickets): region, segment and owner rep.
    private static readonly IReadOnlySet<DimensionKind> CustomerDimensions =
        new[] { DimensionKind.Region, DimensionKind.Segment, DimensionKind.Team, DimensionKind.Rep }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> TouchDimensions =
        new[] { DimensionKind.Region, DimensionKind.Segment, DimensionKind.Team, DimensionKind.Rep, DimensionKind.Campaign }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> CampaignOnly = new[] { DimensionKind.Campaign }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> RepDimensions =
        new[] { DimensionKind.Region, DimensionKind.Team, DimensionKind.Rep }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> OpportunityDimensions =
        new[] { DimensionKind.Region, DimensionKind.Segment, DimensionKind.Team, DimensionKind.Rep }.ToFrozenSet();

    private static readonly IReadOnlySet<DimensionKind> NoDimensions = new HashSet<DimensionKind>().ToFrozenSet();

    private readonly FrozenDictionary<string, KpiDefinition> _byId;

    public KpiCatalog()
        : this(Headline())
    {
    }

    private KpiCatalog(IReadOnlyList<KpiDefinition> definitions)
    {
        All = definitions;
        _byId = definitions.ToFrozenDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every KPI, in display order (by area, then as KPIS.md lists them).</summary>
    public IReadOnlyList<KpiDefinition> All { get; }

    public bool TryGet(string id, out KpiDefinition definition) => _byId.TryGetValue(id, out definition!);

    public KpiDefinition Get(string id) =>
        _byId.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"Unknown KPI '{id}'.");

    private static List<KpiDefinition> Headline() =>
    [
        // 1. Customer contribution
        Kpi("revenue", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => m.Cur("revenue")),
        Kpi("gross_profit", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => m.Cur("gross_profit")),
        Kpi("gross_margin", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("gross_profit"), m.Cur("revenue"))),
        Kpi("revenue_growth", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("revenue") - m.Prev("revenue"), m.Prev("revenue")),
            usesPreviousWindow: true),
        Kpi("orders", KpiArea.Contribution, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => m.Cur("orders")),
        Kpi("active_customers", KpiArea.Contribution, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => m.Cur("active_customers")),
        Kpi("avg_order_value", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("revenue"), m.Cur("orders"))),
        Kpi("items_per_order", KpiArea.Contribution, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("items"), m.Cur("orders"))),
        Kpi("purchase_frequency", KpiArea.Contribution, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("identified_orders"), m.Cur("active_customers"))),
        // A report's period P is read from the ranking the Contribution page draws its Pareto curve,
        // ABC and RFM from (its first row), so the page ranks P's customers once; the comparison
        // window and the months read kpi/top_customers, which sums only the top customers' revenue.
        Kpi("top20_share", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.Neutral,
            "kpi/top_customers", AllDimensions, m => Ratio(m.Cur("top_revenue"), m.Cur("customer_revenue")),
            currentQuery: "contribution/ranking"),
        Kpi("contribution_share", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.Neutral,
            "kpi/contribution", AllDimensions, m => Ratio(m.Cur("slice_revenue"), m.Cur("total_revenue"))),
        Kpi("profit_contribution", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.Neutral,
            "kpi/contribution", AllDimensions, m => Ratio(m.Cur("slice_gross_profit"), m.Cur("total_gross_profit"))),
        Kpi("clv", KpiArea.Contribution, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/clv", AllDimensions, m => ClvInputs.From(m.Cur).Value, window: KpiWindow.TrailingYear, hasMonthlySeries: false),
        Kpi("returns_value", KpiArea.Contribution, KpiUnit.Money, KpiDirection.LowerIsBetter,
            "kpi/sales_summary", AllDimensions, m => m.Cur("returns_value")),
        Kpi("return_rate", KpiArea.Contribution, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("returns_value"), m.Cur("revenue"))),

        // 2. Retention, acquisition, churn
        Kpi("new_customers", KpiArea.Retention, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "kpi/new_customers", AllDimensions, m => m.Cur("new_customers")),
        Kpi("retention_rate", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/retention", AllDimensions, m => Ratio(m.Cur("retained"), m.Cur("previous_active")),
            monthlyQuery: "kpi/retention_monthly"),
        Kpi("churn_rate", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "kpi/retention", AllDimensions, m => Ratio(m.Cur("previous_active") - m.Cur("retained"), m.Cur("previous_active")),
            monthlyQuery: "kpi/retention_monthly"),
        Kpi("lead_conversion", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/leads", OpportunityDimensions, m => Ratio(m.Cur("leads_won"), m.Cur("leads_created"))),
        Kpi("winback_rate", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/winback", AllDimensions, m => Ratio(m.Cur("won_back"), m.Cur("lapsed_customers")), hasMonthlySeries: false),
        Kpi("customer_growth", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/customer_growth", AllDimensions, m => Ratio(m.Cur("acquired_customers"), m.Cur("customer_base"))),
        Kpi("repurchase_rate", KpiArea.Retention, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("repeat_customers"), m.Cur("active_customers"))),

        // 3. Satisfaction and service
        Kpi("csat", KpiArea.Satisfaction, KpiUnit.Score, KpiDirection.HigherIsBetter,
            "kpi/surveys", CustomerDimensions, m => Ratio(m.Cur("csat_total"), m.Cur("csat_responses"))),
        Kpi("nps", KpiArea.Satisfaction, KpiUnit.Score, KpiDirection.HigherIsBetter,
            "kpi/surveys", CustomerDimensions, m => Ratio(100m * (m.Cur("promoters") - m.Cur("detractors")), m.Cur("nps_respondents"))),
        Kpi("service_quality", KpiArea.Satisfaction, KpiUnit.Score, KpiDirection.HigherIsBetter,
            "kpi/surveys", CustomerDimensions, m => Ratio(m.Cur("service_rating_total"), m.Cur("service_ratings"))),
        Band("csat_band_very_satisfied", "csat_very_satisfied", "csat_responses", KpiDirection.HigherIsBetter),
        Band("csat_band_satisfied", "csat_satisfied", "csat_responses", KpiDirection.Neutral),
        Band("csat_band_neutral", "csat_neutral", "csat_responses", KpiDirection.Neutral),
        Band("csat_band_dissatisfied", "csat_dissatisfied", "csat_responses", KpiDirection.LowerIsBetter),
        Kpi("complaint_rate", KpiArea.Satisfaction, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "kpi/complaints", CustomerDimensions, m => m.Cur("has_tickets") == 0 ? null : Ratio(m.Cur("complaining_customers"), m.Cur("active_customers"))),
        Kpi("resolution_rate", KpiArea.Satisfaction, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("resolved"), m.Cur("tickets"))),
        Kpi("first_response_time", KpiArea.Satisfaction, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("response_seconds_total") / 60m, m.Cur("responded"))),
        Kpi("first_response_time_p50", KpiArea.Satisfaction, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "responded", "response_p50_seconds", 60m)),
        Kpi("first_response_time_p90", KpiArea.Satisfaction, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "responded", "response_p90_seconds", 60m)),
        Kpi("resolution_time", KpiArea.Satisfaction, KpiUnit.Hours, KpiDirection.LowerIsBetter,
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("resolution_seconds_total") / 3600m, m.Cur("resolved"))),
        Kpi("resolution_time_p50", KpiArea.Satisfaction, KpiUnit.Hours, KpiDirection.LowerIsBetter,
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "resolved", "resolution_p50_seconds", 3600m)),
        Kpi("resolution_time_p90", KpiArea.Satisfaction, KpiUnit.Hours, KpiDirection.LowerIsBetter,
            "kpi/ticket_times", CustomerDimensions, m => Percentile(m, "resolved", "resolution_p90_seconds", 3600m)),
        Kpi("repeat_issue_rate", KpiArea.Satisfaction, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("repeat_tickets"), m.Cur("tickets"))),
        Kpi("call_wait_time", KpiArea.Satisfaction, KpiUnit.Seconds, KpiDirection.LowerIsBetter,
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("wait_seconds_total"), m.Cur("calls_waited"))),
        Kpi("call_talk_time", KpiArea.Satisfaction, KpiUnit.Seconds, KpiDirection.Neutral,
            "kpi/tickets", CustomerDimensions, m => Ratio(m.Cur("talk_seconds_total"), m.Cur("calls_talked"))),

        // 4. Marketing effectiveness
        Kpi("reach", KpiArea.Marketing, KpiUnit.Count, KpiDirection.HigherIsBetter,
            "kpi/touches", TouchDimensions, m => m.Cur("targeted")),
        Kpi("response_rate", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/touches", TouchDimensions, m => Ratio(m.Cur("responders"), m.Cur("targeted"))),
        Kpi("conversion_rate", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/conversions", TouchDimensions, m => Ratio(m.Cur("converted"), m.Cur("targeted"))),
        Kpi("campaign_spend", KpiArea.Marketing, KpiUnit.Money, KpiDirection.Neutral,
            "kpi/marketing", CampaignOnly, m => m.Cur("spend"), companyWideInput: true),
        Kpi("cac", KpiArea.Marketing, KpiUnit.Money, KpiDirection.LowerIsBetter,
            "kpi/marketing", CampaignOnly, m => Ratio(m.Cur("spend"), m.Cur("attributed_new_customers")), companyWideInput: true),
        Kpi("attributed_revenue", KpiArea.Marketing, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/marketing", CampaignOnly, m => m.Cur("attributed_revenue")),
        Kpi("roi", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/marketing", CampaignOnly, m => Ratio(m.Cur("attributed_revenue") - m.Cur("spend"), m.Cur("spend")), companyWideInput: true),
        Kpi("cost_per_response", KpiArea.Marketing, KpiUnit.Money, KpiDirection.LowerIsBetter,
            "kpi/marketing", CampaignOnly, m => Ratio(m.Cur("spend"), m.Cur("campaign_responders")), companyWideInput: true),
        Kpi("cross_sell_rate", KpiArea.Marketing, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/cross_sell", AllDimensions, m => Ratio(m.Cur("cross_buyers"), m.Cur("active_customers"))),

        // 5. Sales team targets
        Kpi("quota", KpiArea.Sales, KpiUnit.Money, KpiDirection.Neutral,
            "kpi/attainment", RepDimensions, m => m.Cur("quota")),
        Kpi("attainment", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/attainment", RepDimensions, m => Ratio(m.Cur("rep_revenue"), m.Cur("quota"))),
        Kpi("pace", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/attainment", RepDimensions, Pace),
        Kpi("run_rate_forecast", KpiArea.Sales, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/attainment", RepDimensions, RunRateForecast),
        Kpi("forecast_attainment", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/attainment", RepDimensions, m => RunRateForecast(m) is { } forecast ? Ratio(forecast, m.Cur("quota")) : null),
        Kpi("win_rate", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/opportunities", OpportunityDimensions, m => Ratio(m.Cur("won"), m.Cur("closed"))),
        Kpi("loss_rate", KpiArea.Sales, KpiUnit.Fraction, KpiDirection.LowerIsBetter,
            "kpi/opportunities", OpportunityDimensions, m => Ratio(m.Cur("lost"), m.Cur("closed"))),
        Kpi("sales_cycle_days", KpiArea.Sales, KpiUnit.Days, KpiDirection.LowerIsBetter,
            "kpi/opportunities", OpportunityDimensions, m => Ratio(m.Cur("won_cycle_days"), m.Cur("won"))),
        Kpi("pipeline", KpiArea.Sales, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/pipeline", RepDimensions, m => m.Cur("pipeline"), snapshot: true),
        Kpi("weighted_pipeline", KpiArea.Sales, KpiUnit.Money, KpiDirection.HigherIsBetter,
            "kpi/pipeline", RepDimensions, m => m.Cur("weighted_pipeline"), snapshot: true),
        Kpi("pipeline_coverage", KpiArea.Sales, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "kpi/attainment", RepDimensions, PipelineCoverage, extraQueries: ["kpi/pipeline"], hasMonthlySeries: false),
        Kpi("activities_per_rep", KpiArea.Sales, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "kpi/activities", RepDimensions, m => Ratio(m.Cur("activities"), m.Cur("quota_reps"))),
        FollowUps("call", "calls"),
        FollowUps("email", "emails"),
        FollowUps("visit", "visits"),
        FollowUps("meeting", "meetings"),

        // 7. Data health
        Kpi("data_completeness", KpiArea.DataHealth, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/data_completeness", CustomerDimensions, m => Ratio(m.Cur("complete_customers"), m.Cur("customers")),
            snapshot: true, hasMonthlySeries: false),
        Kpi("identified_order_share", KpiArea.DataHealth, KpiUnit.Fraction, KpiDirection.HigherIsBetter,
            "kpi/sales_summary", AllDimensions, m => Ratio(m.Cur("identified_orders"), m.Cur("orders"))),
        Kpi("freshness", KpiArea.DataHealth, KpiUnit.Minutes, KpiDirection.LowerIsBetter,
            "kpi/data_writes", NoDimensions, m => Freshness(m), hasMonthlySeries: false, readsClock: true),
        Kpi("update_rate", KpiArea.DataHealth, KpiUnit.Fraction, KpiDirection.Neutral,
            "kpi/data_writes", NoDimensions, m => Ratio(DataTables.Sum(t => m.Cur($"{t}_recent")), DataTables.Sum(t => m.Cur($"{t}_records"))),
            hasMonthlySeries: false, readsClock: true),
    ];

    /// <summary>The tables data health reads, as kpi/data_writes names their columns (&lt;table&gt;_records ...).</summary>
    public static IReadOnlyList<string> DataTables { get; } = ["orders", "tickets", "surveys", "touches", "opportunities", "activities", "customers"];

    /// <summary>The newest write of any table: the smallest age among the tables that have records; undefined when none has.</summary>
    private static decimal? Freshness(MeasureContext m)
    {
        var ages = DataTables.Where(t => m.Cur($"{t}_records") > 0).Select(t => m.Cur($"{t}_age_seconds")).ToList();
        return ages.Count == 0 ? null : Math.Max(0m, ages.Min()) / 60m;
    }

    /// <summary>
    /// pace = revenue / (quota × elapsed share), written revenue × days of P / (quota × elapsed
    /// days) so no repeating fraction is rounded on the way; undefined without quota or before P starts.
    /// </summary>
    private static decimal? Pace(MeasureContext m)
    {
        var (revenue, quota, elapsed, days) = (m.Cur("rep_revenue"), m.Cur("quota"), m.Cur("elapsed_days"), m.Cur("period_days"));
        return Ratio(revenue * days, quota * elapsed);
    }

    /// <summary>revenue / elapsed days × days of P; undefined before P starts.</summary>
    private static decimal? RunRateForecast(MeasureContext m)
    {
        var (revenue, elapsed, days) = (m.Cur("rep_revenue"), m.Cur("elapsed_days"), m.Cur("period_days"));
        return Ratio(revenue * days, elapsed);
    }

    /// <summary>weighted pipeline / the quota still to reach, while there is some to reach and days left to reach it.</summary>
    private static decimal? PipelineCoverage(MeasureContext m)
    {
        var (weighted, quota, revenue, left) = (m.Cur("weighted_pipeline"), m.Cur("quota"), m.Cur("rep_revenue"), m.Cur("days_left"));
        return quota > revenue && left > 0 ? weighted / (quota - revenue) : null;
    }

    /// <summary>activities_per_rep for one kind of follow-up.</summary>
    private static KpiDefinition FollowUps(string kind, string measure) =>
        Kpi($"activities_per_rep_{kind}", KpiArea.Sales, KpiUnit.Ratio, KpiDirection.HigherIsBetter,
            "kpi/activities", RepDimensions, m => Ratio(m.Cur(measure), m.Cur("quota_reps")));

    /// <summary>A percentile measure in seconds, shown in <paramref name="secondsPerUnit"/>; undefined without values.</summary>
    private static decimal? Percentile(MeasureContext m, string count, string measure, decimal secondsPerUnit) =>
        m.Cur(count) == 0 ? null : m.Cur(measure) / secondsPerUnit;

    /// <summary>One band of the CSAT distribution (csat_band) as a share of the CSAT answers in P.</summary>
    private static KpiDefinition Band(string id, string measure, string total, KpiDirection direction) =>
        Kpi(id, KpiArea.Satisfaction, KpiUnit.Fraction, direction,
            "kpi/surveys", CustomerDimensions, m => Ratio(m.Cur(measure), m.Cur(total)));

    private static KpiDefinition Kpi(
        string id, KpiArea area, KpiUnit unit, KpiDirection direction, string query, IReadOnlySet<DimensionKind> filters,
        Func<MeasureContext, decimal?> compute, string? monthlyQuery = null, bool usesPreviousWindow = false,
        KpiWindow window = KpiWindow.Period, bool hasMonthlySeries = true, bool snapshot = false, IReadOnlyList<string>? extraQueries = null, bool readsClock = false,
        bool companyWideInput = false, string? currentQuery = null) =>
        new()
        {
            Id = id,
            Area = area,
            Unit = unit,
            Direction = direction,
            Query = query,
            MonthlyQuery = monthlyQuery,
            CurrentQuery = currentQuery,
            Filters = filters,
            Compute = compute,
            UsesPreviousWindow = usesPreviousWindow,
            Window = window,
            HasMonthlySeries = hasMonthlySeries,
            CompanyWideInput = companyWideInput,
            Snapshot = snapshot,
            ExtraQueries = extraQueries ?? [],
            ReadsClock = readsClock,
        };
}
