using System.Data.Common;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;

namespace CrmInsight.Domain.Aggregates;

/// <summary>
/// The pre-aggregates: agg_first_sale (with the customer's acquisition campaign and channel),
/// agg_sale_chain, agg_sale_day, agg_rep_sale_day and agg_campaign_sale_day (from fact_order), agg_touch_chain (from
/// fact_campaign_touch), for the Contribution page agg_member_chain (from fact_order), and for the
/// Marketing view agg_category_chain (from fact_order) and agg_touch_conversion (from both: a sale
/// converts earlier touches). Refreshed for the customers (agg_sale_day: the days) a write touched,
/// in the writer's transaction, or rebuilt whole. Each is a pure function of its facts, so a
/// refresh is "delete the touched customers' rows from the earliest touched date (the touched
/// days' rows), insert them again from the facts" and a rebuild is the same for every customer and day.
/// For the Retention view, agg_cohort_activity (from agg_sale_chain) counts customers, so it is
/// recomputed from the earliest touched month on, after agg_sale_chain; agg_sale_pair (from
/// agg_sale_chain: its rows per day and prior sale, the distinct customers of any window) from
/// the earliest touched day on; agg_touch_pair (from agg_touch_chain: its rows per sent day and prior
/// touch, the targeted customers and responders of any window) likewise after agg_touch_chain, and
/// agg_conversion_pair (the same of agg_touch_conversion) after it in writes of touches and of orders,
/// from the earliest sent date whose conversion can have changed. For the Satisfaction view, agg_ticket_repeat (from fact_ticket)
/// lists the tickets that repeat an issue, agg_complaint_sale (from fact_ticket and agg_sale_chain)
/// each complainant's sales either side of their complaint days, and agg_ticket_day and agg_survey_day (from
/// fact_ticket, fact_survey) sum each day's tickets and surveys.
/// For the Sales targets view, agg_opportunity_day (from fact_opportunity) is refreshed for the
/// close days an ingest of opportunities touched and agg_open_pipeline rebuilt whole by it, and
/// agg_activity_day (from fact_activity, which only the demo load writes) is rebuilt with the rest.
/// </summary>
public sealed class PreAggregates(QueryRunner runner, TimeProvider time)
{
    /// <summary>The name recorded in aggregate_state once the aggregates of this build exist.</summary>
    public const string StateName = "sales_touches_days_v2+marketing_v2+cohorts_v1+service_v1+targets_v2+pairs_v2+acquisition_v1+ret_v1+contribution_v3+campaign_days_v1+complaints_v1+first_row_v1+touch_pairs_v1+conversion_pairs_v1";

    // Customers (days) per statement: the ids become one bound parameter each.
    private const int CustomerBatch = 500;

    private static readonly DateOnly Beginning = new(1900, 1, 1);

    /// <summary>Refreshes the order aggregates of the customers and days in <paramref name="changes"/> (nothing when none).</summary>
    public async Task RefreshOrdersAsync(CustomerChanges changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(changes, [.. SalesStatements, .. MarketingOrderStatements, .. ComplaintStatements], connection, transaction, cancellationToken);
        await RefreshDaysAsync(DayStatements, changes, connection, transaction, cancellationToken);
        if (!changes.IsEmpty)
        {
            await RefreshChainCountsAsync(changes.From!.Value, connection, transaction, cancellationToken);
            await RefreshConversionCountsAsync(await ConversionsChangedFromAsync(changes, connection, transaction, cancellationToken), connection, transaction, cancellationToken);
        }
    }

    /// <summary>Refreshes agg_opportunity_day for the close days of the opportunities a write inserted or replaced, and agg_open_pipeline whole.</summary>
    public async Task RefreshOpportunitiesAsync(IEnumerable<DateOnly> closedDays, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        await RunAsync(OpenPipelineStatements, SqlArgs.Empty, connection, transaction, cancellationToken);
        foreach (var chunk in closedDays.Distinct().Order().Chunk(CustomerBatch))
        {
            await RunAsync(OpportunityDayStatements, SqlArgs.Empty.With("all_days", 0).With("dates", chunk), connection, transaction, cancellationToken);
        }
    }

    /// <summary>Refreshes the touch aggregate of the customers in <paramref name="changes"/> (nothing when none).</summary>
    public async Task RefreshTouchesAsync(CustomerChanges changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(changes, [.. TouchStatements, .. MarketingTouchStatements], connection, transaction, cancellationToken);
        if (!changes.IsEmpty)
        {
            await RefreshTouchCountsAsync(changes.From!.Value, connection, transaction, cancellationToken);
            // A touch changes no other touch's conversion: the rows before its sent date stay.
            await RefreshConversionCountsAsync(changes.From!.Value, connection, transaction, cancellationToken);
        }
    }

    /// <summary>
    /// Refreshes the ticket aggregates: agg_ticket_repeat of the customers in <paramref name="changes"/>
    /// and agg_ticket_day of its days (the days of the tickets written and of those they replaced).
    /// </summary>
    public async Task RefreshTicketsAsync(CustomerChanges changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(changes, [.. TicketStatements, .. ComplaintStatements], connection, transaction, cancellationToken);
        await RefreshDaysAsync(TicketDayStatements, changes, connection, transaction, cancellationToken);
    }

    /// <summary>Refreshes agg_survey_day for the days in <paramref name="changes"/> (the days of the surveys written and of those they replaced).</summary>
    public Task RefreshSurveysAsync(CustomerChanges changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default) =>
        RefreshDaysAsync(SurveyDayStatements, changes, connection, transaction, cancellationToken);

    /// <summary>Rebuilds the ticket aggregates whole (an import of tickets, which may touch any customer at any date).</summary>
    public async Task RebuildTicketsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        await RunAsync([.. TicketStatements, .. ComplaintStatements], AllCustomers, connection, transaction, cancellationToken);
        await RunAsync(TicketDayStatements, AllDays, connection, transaction, cancellationToken);
    }

    /// <summary>Rebuilds agg_survey_day whole (an import of surveys).</summary>
    public Task RebuildSurveysAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default) =>
        RunAsync(SurveyDayStatements, AllDays, connection, transaction, cancellationToken);

    private async Task RefreshDaysAsync(string[] statements, CustomerChanges changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        foreach (var chunk in changes.Days.Chunk(CustomerBatch))
        {
            await RunAsync(statements, SqlArgs.Empty.With("all_days", 0).With("dates", chunk), connection, transaction, cancellationToken);
        }
    }

    // Contribution page: each sale's previous same-member sale per dimension (by_dimension's distinct
    // customers). Declared before SalesStatements, whose initializer reads it.
    private static readonly string[] ContributionStatements = ["aggregates/member_chain_delete", "aggregates/member_chain_insert"];

    private static readonly string[] SalesStatements =
        ["aggregates/first_sale_delete", "aggregates/first_sale_insert", "aggregates/sale_chain_delete", "aggregates/sale_chain_insert",
         .. ContributionStatements];

    private static readonly string[] DayStatements =
        ["aggregates/sale_day_delete", "aggregates/sale_day_insert", "aggregates/rep_sale_day_delete", "aggregates/rep_sale_day_insert",
         "aggregates/campaign_sale_day_delete", "aggregates/campaign_sale_day_insert"];

    private static readonly string[] OpportunityDayStatements = ["aggregates/opportunity_day_delete", "aggregates/opportunity_day_insert"];

    // The open pipeline is a snapshot of a few hundred rows: rebuilt whole by every write of opportunities.
    private static readonly string[] OpenPipelineStatements = ["aggregates/open_pipeline_delete", "aggregates/open_pipeline_insert"];

    private static readonly string[] ActivityDayStatements = ["aggregates/activity_day_delete", "aggregates/activity_day_insert"];

    private static readonly string[] TouchStatements = ["aggregates/touch_chain_delete", "aggregates/touch_chain_insert"];

    private static readonly string[] TicketStatements = ["aggregates/ticket_repeat_delete", "aggregates/ticket_repeat_insert"];

    // Each complainant's sales either side of their complaint days: read agg_sale_chain and
    // agg_first_sale (so after them in a write of orders) and the tickets; whole customers.
    private static readonly string[] ComplaintStatements = ["aggregates/complaint_sale_delete", "aggregates/complaint_sale_insert"];

    private static readonly string[] TicketDayStatements = ["aggregates/ticket_day_delete", "aggregates/ticket_day_insert"];

    private static readonly string[] SurveyDayStatements = ["aggregates/survey_day_delete", "aggregates/survey_day_insert"];

    private static readonly SqlArgs AllDays = SqlArgs.Empty.With("all_days", 1).With("dates", Array.Empty<DateOnly>());

    private static readonly SqlArgs AllCustomers = SqlArgs.Empty.With("all_customers", 1).With("customer_ids", Array.Empty<long>()).With("from_date", Beginning);

    // Marketing: these recompute the changed customers' rows whole (they ignore @from_date): a
    // sale dated d changes rows dated before d (the conversion of an earlier touch, the next
    // other-category sale of an earlier sale).
    private static readonly string[] MarketingTouchStatements = ["aggregates/touch_conversion_delete", "aggregates/touch_conversion_insert"];

    private static readonly string[] MarketingOrderStatements =
        ["aggregates/category_chain_delete", "aggregates/category_chain_insert", .. MarketingTouchStatements];

    // Cohort and pair counts: read agg_sale_chain, so they run after it, once per write (not per
    // customer batch): the cohorts from the month of the earliest touched day, the pairs from that day.
    private static readonly string[] CohortStatements = ["aggregates/cohort_activity_delete", "aggregates/cohort_activity_insert"];

    private static readonly string[] PairStatements = ["aggregates/sale_pair_delete", "aggregates/sale_pair_insert"];

    private async Task RefreshChainCountsAsync(DateOnly from, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await RunAsync(CohortStatements, SqlArgs.Empty.With("from_month", new DateOnly(from.Year, from.Month, 1)), connection, transaction, cancellationToken);
        await RunAsync(PairStatements, SqlArgs.Empty.With("from_date", from), connection, transaction, cancellationToken);
    }

    // Touch pair counts: read agg_touch_chain, so they run after it, once per write (not per
    // customer batch), from the earliest touched sent day.
    private static readonly string[] TouchPairStatements = ["aggregates/touch_pair_delete", "aggregates/touch_pair_insert"];

    private Task RefreshTouchCountsAsync(DateOnly from, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        RunAsync(TouchPairStatements, SqlArgs.Empty.With("from_date", from), connection, transaction, cancellationToken);

    // Conversion pair counts: read agg_touch_conversion, so they run after it (in a write of touches
    // and of orders), once per write.
    private static readonly string[] ConversionPairStatements = ["aggregates/conversion_pair_delete", "aggregates/conversion_pair_insert"];

    private Task RefreshConversionCountsAsync(DateOnly from, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        RunAsync(ConversionPairStatements, SqlArgs.Empty.With("from_date", from), connection, transaction, cancellationToken);

    // A write of orders dated changes.From and later: the earliest sent date whose
    // agg_touch_conversion row can have changed (an earlier touch whose attribution window reaches
    // past changes.From), at most changes.From.
    private async Task<DateOnly> ConversionsChangedFromAsync(CustomerChanges changes, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var from = changes.From!.Value;
        foreach (var chunk in changes.CustomerIds.Order().Chunk(CustomerBatch))
        {
            var rows = await runner.QueryRowsAsync("aggregates/conversion_pair_from", SqlArgs.Empty.With("customer_ids", chunk).With("from_date", changes.From!.Value), connection, transaction, cancellationToken);
            if (rows.Count > 0 && rows[0].GetDate("from_date") is { } earlier && earlier < from)
            {
                from = earlier;
            }
        }
        return from;
    }

    private async Task RefreshAsync(CustomerChanges changes, string[] statements, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (changes.IsEmpty)
        {
            return;
        }
        foreach (var chunk in changes.CustomerIds.Order().Chunk(CustomerBatch))
        {
            await RunAsync(statements, SqlArgs.Empty.With("all_customers", 0).With("customer_ids", chunk).With("from_date", changes.From!.Value), connection, transaction, cancellationToken);
        }
    }

    /// <summary>Rebuilds every aggregate from all facts and records it (imports, the demo load, `aggregates rebuild`).</summary>
    public async Task RebuildAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken = default)
    {
        await RunAsync([.. SalesStatements, .. TouchStatements, .. MarketingOrderStatements, .. TicketStatements, .. ComplaintStatements], AllCustomers, connection, transaction, cancellationToken);
        await RunAsync([.. DayStatements, .. TicketDayStatements, .. SurveyDayStatements, .. OpportunityDayStatements, .. ActivityDayStatements, .. OpenPipelineStatements], AllDays, connection, transaction, cancellationToken);
        await RefreshChainCountsAsync(Beginning, connection, transaction, cancellationToken);
        await RefreshTouchCountsAsync(Beginning, connection, transaction, cancellationToken);
        await RefreshConversionCountsAsync(Beginning, connection, transaction, cancellationToken);
        var state = SqlArgs.Empty.With("name", StateName).With("built_at", time.GetUtcNow().UtcDateTime);
        await runner.ExecuteAsync("aggregates/clear_state", state, connection, transaction, cancellationToken);
        await runner.ExecuteAsync("aggregates/mark_built", state, connection, transaction, cancellationToken);
    }

    /// <summary>Builds the aggregates of a database made before they existed (once, when it is opened).</summary>
    /// <returns>true when they had to be built.</returns>
    public async Task<bool> EnsureBuiltAsync(ICrmDatabase database, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var state = await runner.QueryRowsAsync("aggregates/state", SqlArgs.Empty, connection, null, cancellationToken);
        if (state.Any(r => r.GetString("name") == StateName))
        {
            return false;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await RebuildAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task RunAsync(string[] statements, SqlArgs args, DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        foreach (var statement in statements)
        {
            await runner.ExecuteAsync(statement, args, connection, transaction, cancellationToken);
        }
    }
}
