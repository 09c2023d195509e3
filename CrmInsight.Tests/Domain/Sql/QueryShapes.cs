namespace CrmInsight.Tests.Domain.Sql;

/// <summary>The kinds of value a column holds, as its callers read them.</summary>
public enum ColumnKind
{
    Number,
    Text,
    Date,
    Timestamp,
}

/// <summary>
/// What each read query returns: the columns its callers read (services, KPI inputs, grids and
/// Exports read them by name), each with the kind of value, and, where the golden dataset makes it
/// Known, the number of rows with and without the test's filter (null: not worked out here).
/// </summary>
public sealed record QueryShape(string Columns, int? Rows = null, int? FilteredRows = null)
{
    public IReadOnlyList<(string Name, ColumnKind Kind)> Parsed =>
        [.. Columns.Split(' ').Select(c => c.Split(':')).Select(p => (p[0], Enum.Parse<ColumnKind>(p[1])))];
}

public static class QueryShapes
{
    /// <summary>By query name. Row counts are for the golden dataset over March 2024 (see the comments).</summary>
    public static readonly IReadOnlyDictionary<string, QueryShape> All = new Dictionary<string, QueryShape>
    {
        // The golden data writes no audit entry.
        ["audit/list"] = new("audit_id:Number occurred_at:Timestamp actor:Text action:Text target:Text detail:Text address:Text total_rows:Number", 0, 0),
        // The golden load rebuilds the pre-aggregates once: their one state row.
        ["aggregates/state"] = new("name:Text built_at:Timestamp", 1, 1),
        // A MIN over the customers' touches: always one row (NULL when no attribution window reaches the date).
        ["aggregates/conversion_pair_from"] = new("from_date:Date", 1, 1),
        // No alert has fired.
        ["alerts/events"] = new("event_id:Number rule_id:Number rule_name:Text kpi_id:Text comparison:Text scope_teams:Text kind:Text kpi_value:Number threshold:Number data_version:Number occurred_at:Timestamp", 0, 0),
        // One row: the next id.
        ["alerts/next_event_id"] = new("next_id:Number", 1, 1),
        // One row: the next id.
        ["alerts/next_rule_id"] = new("next_id:Number", 1, 1),
        // No rule exists.
        ["alerts/rules"] = new("rule_id:Number name:Text kpi_id:Text comparison:Text threshold:Number sustain:Number filter_query:Text scope_teams:Text enabled:Number created_by:Text created_at:Timestamp breaches:Number is_firing:Number last_value:Number evaluated_version:Number evaluated_at:Timestamp", 0, 0),
        // Every golden customer has a name, region, segment and e-mail: none is incomplete.
        ["data_health/incomplete_customers"] = new("customer_id:Number customer_code:Text name:Text region:Text segment:Text owner:Text email:Text phone:Text missing_name:Number missing_region:Number missing_segment:Number missing_contact:Number updated_at:Timestamp total_rows:Number", 0, 0),
        // One row of counts (all six customers, or the three of segment 2 owned by reps 1 and 3: C3, C5, C6).
        ["kpi/data_completeness"] = new("customers:Number complete_customers:Number with_name:Number with_region:Number with_segment:Number with_contact:Number with_email:Number with_phone:Number", 1, 1),
        // One row of per-table counts and ages.
        ["kpi/data_writes"] = new("orders_records:Number orders_recent:Number orders_age_seconds:Number tickets_records:Number tickets_recent:Number tickets_age_seconds:Number surveys_records:Number surveys_recent:Number surveys_age_seconds:Number touches_records:Number touches_recent:Number touches_age_seconds:Number opportunities_records:Number opportunities_recent:Number opportunities_age_seconds:Number activities_records:Number activities_recent:Number activities_age_seconds:Number customers_records:Number customers_recent:Number customers_age_seconds:Number", 1, 1),
        // No scorecard is stored in the golden data.
        ["scorecard/comparisons"] = new("scorecard_id:Number matrix_group:Text item_a:Text item_b:Text ratio:Number", 0, 0),
        // No scorecard is stored in the golden data.
        ["scorecard/kpis"] = new("scorecard_id:Number kpi_id:Text perspective:Text sort_order:Number standard:Text target:Number amber_from:Number green_from:Number direct_weight:Number", 0, 0),
        // No scorecard is stored in the golden data.
        ["scorecard/list"] = new("scorecard_id:Number name:Text is_default:Number perspective_mode:Text updated_at:Timestamp", 0, 0),
        // One row: the next id.
        ["scorecard/next_id"] = new("next_id:Number", 1, 1),
        // No scorecard is stored in the golden data.
        ["scorecard/perspectives"] = new("scorecard_id:Number perspective:Text kpi_mode:Text direct_weight:Number", 0, 0),
        ["contribution/by_dimension"] = new("member_id:Number member_name:Text revenue:Number gross_profit:Number orders:Number customers:Number"),
        ["contribution/by_dimension_revenue"] = new("member_id:Number revenue:Number"),
        // C1, C3, C4 and C5 bought in March (C2 only cancelled, C6 bought for 0).
        ["contribution/customers"] = new("customer_id:Number customer_code:Text name:Text region:Text segment:Text owner:Text revenue:Number gross_profit:Number orders:Number last_order:Date total_revenue:Number total_rows:Number", 4, null),
        // March: the 'top' row, ABC classes A (C1, C4, C3) and B (C5), a Pareto point per buying customer
        // (C1, C4, C3, C5) and one RFM cell each (4,4,4), (5,4,2), (1,1,4), (2,1,1): 1 + 2 + 4 + 4.
        ["contribution/ranking"] = new("part:Text bucket:Date customer_revenue:Number top_revenue:Number ranked_customers:Number top_customers:Number abc_class:Text r_score:Number f_score:Number m_score:Number position:Number customers:Number revenue:Number gross_profit:Number orders:Number recency_days:Number cumulative_revenue:Number total_revenue:Number", 11, null),
        ["customer/history"] = new("kind:Text event_date:Date code:Text detail:Text channel:Text outcome:Text score:Number"),
        // Customer 1's March orders O6 and O7.
        ["customer/orders"] = new("order_id:Number order_code:Text order_date:Date channel:Text category:Text campaign:Text revenue:Number gross_profit:Number items:Number returned_value:Number status:Text total_rows:Number", 2, null),
        // Customer 1.
        ["customer/profile"] = new("customer_id:Number customer_code:Text name:Text email:Text phone:Text city:Text region_id:Number region:Text segment_id:Number segment:Text owner_rep_id:Number owner:Text team_id:Number team:Text acquired_date:Date acquisition_channel:Text acquisition_campaign:Text", 1, 1),
        // One summary of customer 1.
        ["customer/summary"] = new("revenue:Number gross_profit:Number orders:Number returns_value:Number lifetime_revenue:Number lifetime_orders:Number first_order:Date last_order:Date", 1, 1),
        // Which of the asked team ids exist: none asked without the filter.
        ["dimensions/team_ids"] = new("team_id:Number", 0, null),
        // 2 regions + 2 segments + 2 channels + 2 categories + 2 teams + 3 reps + 2 campaigns; the filter does not narrow the catalog.
        ["dimensions/members"] = new("kind:Text id:Number name:Text parent_id:Number", 15, 15),
        // The two regions at the region level.
        ["drill/members"] = new("member_id:Number name:Text revenue:Number gross_profit:Number orders:Number customers:Number revenue_share:Number total_rows:Number", 2, null),
        // Kind 'api' is none of orders, tickets, surveys, opportunities: no owner rows.
        ["ingest/owners"] = new("code:Text team_id:Number", 0, 0),
        // No customer has the codes asked for.
        ["ingest/customers_by_code"] = new("customer_id:Number customer_code:Text region_id:Number segment_id:Number owner_rep_id:Number", 0, 0),
        // No order has the codes asked for.
        ["ingest/orders_by_code"] = new("customer_id:Number order_date:Date", 0, 0),
        ["ingest/tickets_by_code"] = new("customer_id:Number submitted_at:Timestamp", 0, 0),
        ["ingest/surveys_by_code"] = new("customer_id:Number survey_date:Date", 0, 0),
        ["ingest/opportunities_by_code"] = new("closed_date:Date", 0, 0),
        ["ingest/lookups"] = new("kind:Text id:Number name:Text team_id:Number region_id:Number"),
        // One row of next ids.
        ["ingest/reserve_ids"] = new("order_id:Number customer_id:Number ticket_id:Number survey_id:Number opportunity_id:Number", 1, 1),
        // All six customers.
        ["ingest/sample_customers"] = new("customer_code:Text", 6, 6),
        // No keys exist.
        ["keys/by_id"] = new("key_id:Number revoked_at:Timestamp", 0, 0),
        // No keys exist.
        ["keys/find"] = new("key_id:Number name:Text kind:Text key_prefix:Text created_at:Timestamp last_used_at:Timestamp revoked_at:Timestamp", 0, 0),
        // No keys exist, so no key is limited to teams.
        ["keys/teams"] = new("key_id:Number team_id:Number", 0, 0),
        // No keys exist.
        ["keys/list"] = new("key_id:Number name:Text kind:Text key_prefix:Text created_at:Timestamp last_used_at:Timestamp revoked_at:Timestamp", 0, 0),
        // One bucket: the window is March, by month or whole.
        ["kpi/attainment"] = new("bucket:Date rep_revenue:Number quota:Number period_days:Number elapsed_days:Number days_left:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/activities"] = new("bucket:Date activities:Number calls:Number emails:Number visits:Number meetings:Number quota_reps:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/clv"] = new("bucket:Date revenue:Number gross_profit:Number orders:Number identified_orders:Number active_customers:Number previous_active:Number retained:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/complaints"] = new("bucket:Date complaining_customers:Number active_customers:Number has_tickets:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/contribution"] = new("bucket:Date slice_revenue:Number slice_gross_profit:Number total_revenue:Number total_gross_profit:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/conversions"] = new("bucket:Date targeted:Number responders:Number converted:Number responded_converted:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/cross_sell"] = new("bucket:Date active_customers:Number cross_buyers:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/customer_growth"] = new("bucket:Date customer_base:Number acquired_customers:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/leads"] = new("bucket:Date leads_created:Number leads_won:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/marketing"] = new("bucket:Date spend:Number attributed_revenue:Number attributed_new_customers:Number campaign_responders:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/new_customers"] = new("bucket:Date new_customers:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/opportunities"] = new("bucket:Date closed:Number won:Number lost:Number won_cycle_days:Number", 1, 1),
        // One row: the pipeline open now, whatever the filter narrows it to.
        ["kpi/pipeline"] = new("open_opportunities:Number pipeline:Number weighted_pipeline:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/retention"] = new("bucket:Date previous_active:Number retained:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/retention_monthly"] = new("bucket:Date previous_active:Number retained:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/sales_summary"] = new("bucket:Date revenue:Number cost:Number gross_profit:Number orders:Number items:Number returns_value:Number identified_orders:Number active_customers:Number repeat_customers:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/surveys"] = new("bucket:Date csat_responses:Number csat_total:Number nps_respondents:Number promoters:Number detractors:Number csat_very_satisfied:Number csat_satisfied:Number csat_neutral:Number csat_dissatisfied:Number service_ratings:Number service_rating_total:Number service_excellent:Number service_good:Number service_pass:Number service_fail:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/ticket_times"] = new("bucket:Date responded:Number response_p50_seconds:Number response_p90_seconds:Number resolved:Number resolution_p50_seconds:Number resolution_p90_seconds:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/tickets"] = new("bucket:Date tickets:Number resolved:Number responded:Number response_seconds_total:Number resolution_seconds_total:Number repeat_tickets:Number calls_waited:Number wait_seconds_total:Number calls_talked:Number talk_seconds_total:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/top_customers"] = new("bucket:Date customer_revenue:Number top_revenue:Number ranked_customers:Number top_customers:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/touches"] = new("bucket:Date targeted:Number responders:Number", 1, 1),
        // One bucket: the window is March, by month or whole.
        ["kpi/winback"] = new("bucket:Date lapsed_customers:Number won_back:Number", 1, 1),
        ["marketing/by_acquisition_channel"] = new("member_id:Number name:Text spend:Number new_customers:Number cac:Number"),
        ["marketing/campaign_customers"] = new("customer_id:Number customer_code:Text name:Text region:Text touches:Number first_touch:Date responded:Number converted:Number orders:Number revenue:Number total_rows:Number"),
        // Both campaigns.
        ["marketing/campaigns"] = new("campaign_id:Number name:Text marketing_channel:Text reach:Number responses:Number conversions:Number spend:Number new_customers:Number attributed_revenue:Number targeted:Number responders:Number campaign_responders:Number converted:Number attributed_new_customers:Number", 2, null),
        // North (O6, O7, O10, O11) and South (O8, O9, O14) both sold in March.
        ["overview/revenue_by_region"] = new("region_id:Number region_name:Text revenue:Number gross_profit:Number", 2, null),
        // By day: the March sale days 03-05, 03-10, 03-12, 03-15, 03-18, 03-20, 03-28 (O12 is cancelled, O13 has no revenue); by month: March.
        ["overview/revenue_trend"] = new("bucket:Date revenue:Number gross_profit:Number orders:Number", 7, 1),
        // Active in February: C1, C2, C3; in March: C1, C3, C4, C5; C2 churned.
        ["retention/churned"] = new("customer_id:Number customer_code:Text name:Text region:Text segment:Text last_order:Date lifetime_revenue:Number lifetime_orders:Number last_csat:Number total_rows:Number", 1, null),
        ["retention/cohorts"] = new("cohort:Date months_since:Number customers:Number"),
        ["retention/new_vs_returning"] = new("bucket:Date new_revenue:Number returning_revenue:Number anonymous_revenue:Number"),
        ["satisfaction/by_dimension"] = new("dimension:Text member:Text member_key:Text tickets:Number complaints:Number responded:Number response_seconds_total:Number response_p50_seconds:Number response_p90_seconds:Number resolved:Number resolution_seconds_total:Number resolution_p50_seconds:Number resolution_p90_seconds:Number repeat_tickets:Number calls_waited:Number wait_seconds_total:Number calls_talked:Number talk_seconds_total:Number"),
        ["satisfaction/churned_vs_retained"] = new("customer_group:Text customers:Number csat_responses:Number csat_total:Number nps_respondents:Number promoters:Number detractors:Number tickets:Number complaining_customers:Number responded:Number response_seconds_total:Number resolved:Number resolution_seconds_total:Number"),
        // T1, T2 and T3 were submitted in March (T4 in February).
        ["satisfaction/tickets"] = new("ticket_id:Number ticket_code:Text customer_id:Number customer_code:Text customer:Text channel:Text category:Text agent:Text submitted_at:Timestamp response_minutes:Number resolution_hours:Number is_complaint:Number total_rows:Number", 3, null),
        // The golden load is one write of every area, undated: one row for all areas and months.
        ["system/data_change_dates"] = new("area:Text starts_on:Date version:Number is_day:Number", 1, 1),
        ["system/data_changes"] = new("area:Text version:Number"),
        // The one version row.
        ["system/data_version"] = new("version:Number updated_at:Timestamp", 1, 1),
        // No user exists in the golden data; the count is one row.
        ["users/count"] = new("users:Number", 1, 1),
        ["users/find"] = new("user_id:Number user_name:Text normalized_user_name:Text password_hash:Text security_stamp:Text concurrency_stamp:Text role:Text lockout_enabled:Number lockout_ends_at:Timestamp access_failed_count:Number disabled_at:Timestamp created_at:Timestamp last_sign_in_at:Timestamp team_id:Number", 0, 0),
        ["users/list"] = new("user_id:Number user_name:Text normalized_user_name:Text password_hash:Text security_stamp:Text concurrency_stamp:Text role:Text lockout_enabled:Number lockout_ends_at:Timestamp access_failed_count:Number disabled_at:Timestamp created_at:Timestamp last_sign_in_at:Timestamp team_id:Number", 0, 0),
        // Rep and team with a quota or sales in March: Rep One and Rep Two (North team), Rep Three (South team);
        // filtered to reps 1 and 3, page 2 (offset 10) is empty.
        ["targets/leaderboard"] = new("team_id:Number rep_id:Number rep:Text team:Text rep_revenue:Number quota:Number closed:Number won:Number weighted_pipeline:Number activities:Number period_days:Number elapsed_days:Number days_left:Number attainment:Number pace:Number win_rate:Number coverage:Number leader_rank:Number total_rows:Number", 3, 0),
        // P4 open and P1, P2, P3 closed in March; filtered, page 2 (offset 10) is empty.
        ["targets/opportunities"] = new("opportunity_id:Number opportunity_code:Text rep_id:Number rep:Text customer_id:Number customer:Text stage:Text sort_order:Number amount:Number probability:Number weighted_amount:Number created_date:Date closed_date:Date days_open:Number total_rows:Number", 4, 0),
        // Every open stage, with zeros where empty.
        ["targets/pipeline_by_stage"] = new("stage:Text sort_order:Number probability:Number opportunities:Number pipeline:Number weighted_pipeline:Number", 4, 4),
        // North and South teams have March quotas (both in the filter and the scope).
        ["targets/teams"] = new("team_id:Number name:Text rep_revenue:Number quota:Number weighted_pipeline:Number period_days:Number elapsed_days:Number days_left:Number", 2, 2),
    };

    /// <summary>
    /// The shape a query is held to: its own entry, or for a twin under <c>unfiltered/</c> its
    /// namesake's columns and unfiltered rows (what it answers under a filter or scope, nothing or
    /// zeros, is UnfilteredTwinTests' to check), for one under <c>member/</c> its namesake's columns
    /// and no rows (what it answers under one member's filter is FilteredTwinTests').
    /// </summary>
    public static QueryShape? For(string name)
    {
        if (All.TryGetValue(name, out var shape))
        {
            return shape;
        }
        const string twin = "unfiltered/";
        if (name.StartsWith(twin, StringComparison.Ordinal))
        {
            return All.TryGetValue(name[twin.Length..], out var original) ? original with { FilteredRows = null } : null;
        }
        // A member/ twin answers one member's filter only, which neither set of arguments here is.
        const string member = "member/";
        return name.StartsWith(member, StringComparison.Ordinal) && All.TryGetValue(name[member.Length..], out var namesake)
            ? namesake with { Rows = 0, FilteredRows = 0 }
            : null;
    }
}
