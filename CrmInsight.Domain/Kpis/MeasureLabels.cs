using System.Collections.Frozen;

namespace CrmInsight.Domain.Kpis;

/// <summary>
/// The measure columns the KPI queries return that have a human name, for the detail panel: the
/// name is the Web resource <c>measure.&lt;column&gt;</c>; any other column is shown as it is.
/// </summary>
public static class MeasureLabels
{
    public static IReadOnlySet<string> Known { get; } = new[]
    {
        "revenue", "cost", "gross_profit", "orders", "items", "returns_value", "identified_orders",
        "active_customers", "repeat_customers", "previous_active", "retained", "new_customers",
        "csat_responses", "csat_total", "nps_respondents", "promoters", "detractors", "tickets", "resolved",
        "responded", "response_seconds_total", "resolution_seconds_total", "response_p50_seconds",
        "response_p90_seconds", "resolution_p50_seconds", "resolution_p90_seconds", "repeat_tickets",
        "calls_waited", "wait_seconds_total", "calls_talked", "talk_seconds_total", "service_ratings",
        "service_rating_total", "csat_very_satisfied", "csat_satisfied", "csat_neutral", "csat_dissatisfied",
        "converted", "responded_converted", "campaign_responders", "cross_buyers", "complaining_customers",
        "has_tickets", "targeted", "responders", "spend", "attributed_revenue", "attributed_new_customers",
        "rep_revenue", "quota", "period_days", "elapsed_days", "days_left", "open_opportunities", "pipeline",
        "weighted_pipeline", "won_cycle_days", "activities", "calls", "emails", "visits", "meetings",
        "quota_reps", "customer_revenue", "top_revenue", "slice_revenue", "total_revenue",
        "slice_gross_profit", "total_gross_profit", "lapsed_customers", "won_back", "customer_base",
        "acquired_customers", "leads_created", "leads_won", "closed", "won", "lost", "customers",
        "complete_customers", "orders_records", "orders_recent", "orders_age_seconds", "tickets_records",
        "tickets_recent", "tickets_age_seconds", "surveys_records", "surveys_recent", "surveys_age_seconds",
        "touches_records", "touches_recent", "touches_age_seconds", "opportunities_records",
        "opportunities_recent", "opportunities_age_seconds", "activities_records", "activities_recent",
        "activities_age_seconds", "customers_records", "customers_recent", "customers_age_seconds",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static LocalizedText For(string measure) =>
        new(Known.Contains(measure) ? $"measure.{measure}" : measure);
}
