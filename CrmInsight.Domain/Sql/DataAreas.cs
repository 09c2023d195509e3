using System.Text.RegularExpressions;

namespace CrmInsight.Domain.Sql;

/// <summary>
/// The units of change the live updates track: a write names the areas it touched, a query
/// is affected by the areas its text reads. An area is a table (a view counts as the table
/// it reads; a pre-aggregate counts as the facts it is derived from), so a new ticket leaves
/// cached order results alone.
/// </summary>
public static partial class DataAreas
{
    public const string Orders = "fact_order";
    public const string Tickets = "fact_ticket";
    public const string Surveys = "fact_survey";
    public const string Touches = "fact_campaign_touch";
    public const string Opportunities = "fact_opportunity";
    public const string Customers = "dim_customer";
    public const string Activities = "fact_activity";

    /// <summary>A write that does not say what it touched (an import of a whole file): every area.</summary>
    public const string All = "*";

    public static IReadOnlyList<string> ReadBy(string sqlText) =>
        [.. TableName().Matches(sqlText)
            .Select(m => m.Value.ToLowerInvariant())
            .SelectMany(IEnumerable<string> (name) => name switch
            {
                "v_ticket" => [Tickets],
                "agg_first_sale" or "agg_sale_chain" or "agg_sale_pair" or "agg_sale_day" or "agg_category_chain" or "agg_cohort_activity" or "agg_rep_sale_day" or "agg_member_chain" or "agg_campaign_sale_day" => [Orders],
                "agg_opportunity_day" or "agg_open_pipeline" => [Opportunities],
                "agg_activity_day" => [Activities],
                "agg_touch_chain" or "agg_touch_pair" => [Touches],
                "agg_ticket_repeat" or "agg_ticket_day" => [Tickets],
                "agg_survey_day" => [Surveys],
                // A touch's conversion is derived from the touches and the customer's sales.
                "agg_touch_conversion" or "agg_conversion_pair" => [Touches, Orders],
                // A complaint's neighbouring sales: from the tickets and the customer's sales.
                "agg_complaint_sale" => [Tickets, Orders],
                _ => [name],
            })
            .Where(name => name is not ("data_version" or "data_change" or "data_change_month" or "data_change_day" or "aggregate_state" or "dim_date"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\b(?:fact|dim|agg)_[a-z0-9_]+\b|\bv_ticket\b|\bdata_version\b|\bdata_change(?:_month|_day)?\b|\baggregate_state\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
