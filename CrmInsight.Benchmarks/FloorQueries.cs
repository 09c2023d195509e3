using System.Diagnostics;
using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using Dapper;

namespace CrmInsight.Benchmarks;

/// <summary>
/// Each expensive catalog query of the default Overview (last 90 days; its 13-month sparkline
/// fetch) beside its engine floor: the best hand-written DuckDB SQL for the same numbers on
/// the same file, reading the facts only (no pre-aggregates), constants inlined, no filter
/// clauses. Both medians of 5, database warm, no cache. Where the floor names its columns as ours
/// does, the benchmark checks the numbers agree.
/// </summary>
internal static class FloorQueries
{
    public static async Task CompareAsync(BenchStack stack, string path)
    {
        var periods = stack.Get<PeriodResolver>();
        var resolved = periods.Resolve(DashboardFilter.Default);
        var (p, prev) = (resolved.Period, resolved.Comparison);
        var months = p.TrailingMonths(12);
        var fetch = new DateRange(months.From.AddMonths(-1), months.To);
        string D(DateOnly d) => $"DATE '{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
        const string Sale = "status <> 'cancelled' AND revenue > 0";
        var window = QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(p, prev).Monthly(false);
        var monthly = QueryArgs.For(DashboardFilter.Default, DataScope.All).Window(fetch, new DateRange(fetch.From.AddMonths(-1), fetch.From)).Monthly(true);

        (string Query, SqlArgs Args, string Floor)[] pairs =
        [
            ("kpi/sales_summary", window,
                $"SELECT SUM(revenue), SUM(cost), COUNT(*), SUM(items), (SELECT SUM(returned_value) FROM fact_order WHERE order_date >= {D(p.From)} AND order_date < {D(p.To)}), " +
                $"COUNT(DISTINCT customer_id) FROM fact_order WHERE order_date >= {D(p.From)} AND order_date < {D(p.To)} AND {Sale}"),
            ("kpi/sales_summary (13 months)", monthly,
                $"SELECT date_trunc('month', order_date) AS m, SUM(revenue), COUNT(*), COUNT(DISTINCT customer_id) FROM fact_order " +
                $"WHERE order_date >= {D(fetch.From)} AND order_date < {D(fetch.To)} AND {Sale} GROUP BY m"),
            ("kpi/new_customers", window,
                $"SELECT COUNT(*) FROM (SELECT customer_id, MIN(order_date) AS f FROM fact_order WHERE customer_id IS NOT NULL AND order_date < {D(p.To)} AND {Sale} GROUP BY customer_id) WHERE f >= {D(p.From)}"),
            ("kpi/retention", window,
                $"SELECT COUNT(*), COUNT(c.customer_id) FROM (SELECT DISTINCT customer_id FROM fact_order WHERE order_date >= {D(prev.From)} AND order_date < {D(prev.To)} AND {Sale} AND customer_id IS NOT NULL) p " +
                $"LEFT JOIN (SELECT DISTINCT customer_id FROM fact_order WHERE order_date >= {D(p.From)} AND order_date < {D(p.To)} AND {Sale}) c ON c.customer_id = p.customer_id"),
            ("kpi/retention_monthly", monthly,
                $"WITH cm AS (SELECT DISTINCT customer_id, date_trunc('month', order_date) AS m FROM fact_order WHERE order_date >= {D(fetch.From.AddMonths(-1))} AND order_date < {D(fetch.To)} AND {Sale} AND customer_id IS NOT NULL) " +
                "SELECT a.m, COUNT(*) FROM cm a JOIN cm b ON b.customer_id = a.customer_id AND b.m = a.m + INTERVAL 1 MONTH GROUP BY a.m"),
            ("kpi/complaints", window,
                $"SELECT (SELECT COUNT(DISTINCT customer_id) FROM fact_ticket WHERE is_complaint = 1 AND submitted_at >= {D(p.From)} AND submitted_at < {D(p.To)}), " +
                $"(SELECT COUNT(DISTINCT customer_id) FROM fact_order WHERE order_date >= {D(p.From)} AND order_date < {D(p.To)} AND {Sale})"),
            ("kpi/touches", window,
                $"SELECT COUNT(*), SUM(r) FROM (SELECT customer_id, MAX(responded) AS r FROM fact_campaign_touch WHERE sent_date >= {D(p.From)} AND sent_date < {D(p.To)} GROUP BY customer_id)"),
            ("kpi/tickets", window,
                $"SELECT COUNT(*), COUNT(resolved_at), COUNT(first_response_at) FROM fact_ticket WHERE submitted_at >= {D(p.From)} AND submitted_at < {D(p.To)}"),
            ("kpi/surveys", window,
                $"SELECT COUNT(csat), SUM(csat), COUNT(recommend) FROM fact_survey WHERE survey_date >= {D(p.From)} AND survey_date < {D(p.To)}"),
            // All four measures, as KPIS.md §4 defines them: spend; sales inside their campaign's
            // attribution window (DuckDB's date + days); first-ever sales in the period (a scan of all
            // history: the facts alone have no shorter way) of customers with an acquisition campaign;
            // distinct responders to touches sent in the period.
            ("kpi/marketing", window,
                $"SELECT (SELECT SUM(amount) FROM fact_campaign_spend WHERE spend_date >= {D(p.From)} AND spend_date < {D(p.To)}) AS spend, " +
                $"(SELECT SUM(o.revenue) FROM fact_order o JOIN dim_campaign k ON k.campaign_id = o.campaign_id WHERE o.order_date >= {D(p.From)} AND o.order_date < {D(p.To)} " +
                $"AND o.status <> 'cancelled' AND o.revenue > 0 AND o.order_date >= k.start_date AND o.order_date < k.end_date + k.attribution_days) AS attributed_revenue, " +
                $"(SELECT COUNT(*) FROM (SELECT customer_id FROM fact_order WHERE customer_id IS NOT NULL AND order_date < {D(p.To)} AND {Sale} GROUP BY customer_id " +
                $"HAVING MIN(order_date) >= {D(p.From)}) f JOIN dim_customer c ON c.customer_id = f.customer_id WHERE c.acquisition_campaign_id IS NOT NULL) AS attributed_new_customers, " +
                $"(SELECT COUNT(DISTINCT customer_id) FROM fact_campaign_touch WHERE sent_date >= {D(p.From)} AND sent_date < {D(p.To)} AND responded = 1) AS campaign_responders"),
            ("overview/revenue_trend", window.With("grain", "day"),
                $"SELECT order_date, SUM(revenue), SUM(revenue - cost) FROM fact_order WHERE order_date >= {D(p.From)} AND order_date < {D(p.To)} AND {Sale} GROUP BY order_date"),
        ];

        var runner = stack.Get<QueryRunner>();
        var database = stack.Get<ICrmDatabase>();
        Console.WriteLine($"{"query (default filter)",-32} {"ours ms",8} {"floor ms",9} {"ratio",6}");
        foreach (var (query, args, floor) in pairs)
        {
            var name = query.Split(' ')[0];
            var chosen = stack.Get<QueryCache>().ChooseQuery(name, args);
            var ours = await MedianAsync(() => runner.QueryRowsAsync(chosen, args));
            double floorMs;
            string agrees;
            await using (var connection = await database.OpenConnectionAsync())
            {
                floorMs = await MedianAsync(() => connection.QueryAsync(floor));
                agrees = await AgreesAsync(runner, chosen, args, connection, floor);
            }
            Console.WriteLine($"{query,-32} {ours,8:F1} {floorMs,9:F1} {ours / floorMs,6:F1}{(chosen != name ? "  (" + chosen + ")" : "")}{agrees}");
        }
    }

    /// <summary>
    /// A floor whose columns are named like ours (one row each) is checked: "" when every named
    /// column agrees (or the floor names none), else the columns that differ.
    /// </summary>
    private static async Task<string> AgreesAsync(QueryRunner runner, string query, SqlArgs args, System.Data.Common.DbConnection connection, string floor)
    {
        var row = (await connection.QueryAsync(floor)).Cast<object>().FirstOrDefault() as IDictionary<string, object?>;
        var rows = await runner.QueryRowsAsync(query, args);
        var ours = rows.Count > 0 ? rows[0] : null;
        if (row is null || ours is null || !row.Keys.Any(k => ours.Columns.Contains(k)))
        {
            return "";
        }
        var differ = row.Keys.Where(k => !ours.Columns.Contains(k) || SqlRow.ToDecimal(row[k]) != ours.GetDecimal(k)).ToList();
        return differ.Count == 0 ? "  (numbers agree)" : $"  (DIFFER: {string.Join(", ", differ)})";
    }

    private static async Task<double> MedianAsync<T>(Func<Task<T>> run)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await run();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return OverviewTiming.Median(times);
    }
}
