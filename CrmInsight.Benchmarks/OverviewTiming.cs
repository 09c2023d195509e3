using System.Diagnostics;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using Microsoft.Extensions.Options;

namespace CrmInsight.Benchmarks;

/// <summary>Times one Overview (all tiles, sparklines, trend and region chart) three ways.</summary>
internal static class OverviewTiming
{
    public static async Task MeasureAsync(string path, string filterName, DashboardFilter filter)
    {
        Console.WriteLine($"### Overview, {filterName}");

        // Cold: the database was just opened and nothing is cached.
        await using (var cold = await Stack.OpenAsync(path))
        {
            var (elapsed, queries, perQuery) = await cold.TimeAsync(filter);
            Console.WriteLine($"cold     : {elapsed,8:F0} ms  ({queries} queries)");
            foreach (var (query, ms, count) in perQuery.OrderByDescending(q => q.Ms))
            {
                Console.WriteLine($"           {query,-28} {ms,8:F0} ms total over {count} executions");
            }

            // Warm: the same filter again, served from the shared cache.
            var warm = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                warm.Add((await cold.TimeAsync(filter)).Elapsed);
            }
            Console.WriteLine($"warm     : {QueryDurations.Median(warm),8:F1} ms  (median of 5, cache hits)");
        }

        // The analyst pages, each on an empty cache (a fresh database instance is not needed again).
        await using (var pages = await Stack.OpenAsync(path))
        {
            foreach (var (name, load) in pages.Pages(filter))
            {
                var started = Stopwatch.GetTimestamp();
                await load();
                var cold = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                started = Stopwatch.GetTimestamp();
                await load();
                Console.WriteLine($"{name,-9}: {cold,8:F0} ms cold, {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms warm");
            }
        }

        // SQL only: the database is warm but the cache is empty, as after a new data version.
        await using var hot = await Stack.OpenAsync(path);
        await hot.TimeAsync(filter);
        var sqlOnly = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            hot.ResetCache();
            sqlOnly.Add((await hot.TimeAsync(filter)).Elapsed);
        }
        Console.WriteLine($"sql only : {QueryDurations.Median(sqlOnly),8:F0} ms  (median of 3, warm database, empty cache)");
    }

    private sealed class Stack : IAsyncDisposable
    {
        private readonly DuckDbDatabase _database;
        private readonly QueryMetrics _metrics = new();
        private readonly QueryRunner _runner;
        private readonly QueryDurations _durations = new();
        private QueryCache _cache;
        private OverviewService _overview;

        private Stack(DuckDbDatabase database)
        {
            _database = database;
            _runner = new QueryRunner(database, SqlCatalog.Default, _metrics);
            (_cache, _overview) = Build();
        }

        public static async Task<Stack> OpenAsync(string path)
        {
            var database = new DuckDbDatabase(path, "8GB");
            await using (await database.OpenConnectionAsync())
            {
            }
            return new Stack(database);
        }

        /// <summary>The analyst pages' loads (Contribution, Retention, Satisfaction, Marketing), and the first page of their tables.</summary>
        public IEnumerable<(string Name, Func<Task> Load)> Pages(DashboardFilter filter)
        {
            var versions = new StoredDataVersionSource(new DataVersionStore(_runner, TimeProvider.System));
            var periods = new PeriodResolver(TimeProvider.System);
            var kpis = new KpiService(new KpiCatalog(), _cache, periods, versions);
            var tables = new CrmInsight.Domain.Tables.TableService(_cache, _runner, periods, versions);
            var contribution = new CrmInsight.Domain.Contribution.ContributionService(kpis, _cache, periods, versions);
            var retention = new CrmInsight.Domain.Retention.RetentionService(kpis, _cache, periods, versions);
            var top = CrmInsight.Domain.Tables.TableCatalog.TopCustomers;
            var churned = CrmInsight.Domain.Tables.TableCatalog.ChurnedCustomers;
            yield return ("contrib.", async () =>
            {
                await contribution.GetAsync(filter, DataScope.All);
                await tables.GetPageAsync(top, filter, DataScope.All, top.Request(null, null, 0, 25));
            });
            yield return ("retention", async () =>
            {
                await retention.GetAsync(filter, DataScope.All);
                await tables.GetPageAsync(churned, filter, DataScope.All, churned.Request(null, null, 0, 25));
            });
            var satisfaction = new CrmInsight.Domain.Satisfaction.SatisfactionService(kpis, _cache, periods, versions);
            var marketing = new CrmInsight.Domain.Marketing.MarketingService(kpis, _cache, periods, versions);
            var tickets = CrmInsight.Domain.Tables.TableCatalog.Tickets;
            var campaigns = CrmInsight.Domain.Tables.TableCatalog.Campaigns;
            var reached = CrmInsight.Domain.Tables.TableCatalog.CampaignCustomers;
            var allTickets = CrmInsight.Domain.Sql.SqlArgs.Empty.With("ticket_by", "").With("ticket_member", "");
            yield return ("satisf.", async () =>
            {
                await satisfaction.GetAsync(filter, DataScope.All);
                await tables.GetPageAsync(tickets, filter, DataScope.All, tickets.Request(null, null, 0, 10), allTickets);
            });
            yield return ("marketing", async () =>
            {
                await marketing.GetAsync(filter, DataScope.All);
                await tables.GetPageAsync(campaigns, filter, DataScope.All, campaigns.Request(null, null, 0, 25));
                await tables.GetPageAsync(reached, filter, DataScope.All, reached.Request(null, null, 0, 25));
            });
        }

        public void ResetCache()
        {
            (_cache, _overview) = Build();
        }

        public async Task<(double Elapsed, long Queries, List<(string Query, double Ms, int Count)> PerQuery)> TimeAsync(DashboardFilter filter)
        {
            _durations.Clear();
            var before = _metrics.TotalExecuted;
            var started = Stopwatch.GetTimestamp();
            await _overview.GetAsync(filter, DataScope.All);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return (elapsed, _metrics.TotalExecuted - before, _durations.Totals());
        }

        private (QueryCache, OverviewService) Build()
        {
            var versions = new StoredDataVersionSource(new DataVersionStore(_runner, TimeProvider.System));
            var cache = new QueryCache(_runner, QueryCacheRegistration.CreateStandalone(), versions, Options.Create(new QueryCacheOptions()));
            var periods = new PeriodResolver(TimeProvider.System);
            var kpis = new KpiService(new KpiCatalog(), cache, periods, versions);
            return (cache, new OverviewService(kpis, cache, periods, versions));
        }

        public async ValueTask DisposeAsync()
        {
            _durations.Dispose();
            _metrics.Dispose();
            await _database.DisposeAsync();
        }
    }
}
