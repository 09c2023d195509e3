using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.Domain.Import;
using CrmInsight.Tests.Domain.Queries;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Satisfaction;

/// <summary>
/// kpi/complaints under a filter on the customer (region, segment, the owner's team, the owner)
/// and a team scope counts what KPIS.md §3 says, worked out here from the facts: the customers
/// the filter and scope leave with a sale in the window (active), and of them those with a
/// complaint in it too. The query reads the per-customer pre-aggregates (agg_complaint_sale,
/// agg_sale_chain) joined to those customers, so a wrong join shows here. On the golden data
/// plus repeat buyers, complaints before and inside the windows and customers of both regions.
/// </summary>
public sealed class ComplaintsUnderCustomerFiltersTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        string[][] orders = [["A1", "C1", "2024-03-20"], ["A2", "C1", "2024-04-03"], ["A4", "C2", "2024-04-02"], ["A5", "C4", "2024-04-01"],
            ["A6", "C6", "2023-03-10"], ["A7", "C6", "2024-03-18"], ["A8", "C3", "2024-03-29"], ["A9", "C5", "2024-03-01"], ["A10", "C3", "2024-02-29"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Orders, [.. orders.Select((o, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["id"] = o[0], ["customer"] = o[1], ["date"] = o[2], ["revenue"] = "25.00",
        }))]);
        string[][] complaints = [["K1", "C1", "2024-03-25 10:00"], ["K2", "C2", "2024-03-15 09:00"], ["K3", "C4", "2024-03-14 11:00"], ["K4", "C6", "2024-03-05 12:00"],
            ["K5", "C5", "2024-02-15 13:00"], ["K6", "C3", "2024-03-01 13:00"], ["K7", "C5", "2024-03-20 13:00"]];
        await _db.Get<IngestService>().IngestAsync(IngestKind.Tickets, [.. complaints.Select((k, i) => new IngestRecord(i + 1, new Dictionary<string, string?>
        {
            ["id"] = k[0], ["customer"] = k[1], ["category"] = "billing", ["channel"] = "phone", ["submitted"] = k[2], ["complaint"] = "yes",
        }))]);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Active_and_complaining_customers_are_those_the_filter_and_scope_leave()
    {
        var customers = (await _db.RowsAsync<(long Id, int? Region, int? Segment, int? Owner, int? Team)>(
            "SELECT c.customer_id, c.region_id, c.segment_id, c.owner_rep_id, r.team_id FROM dim_customer c LEFT JOIN dim_rep r ON r.rep_id = c.owner_rep_id")).ToList();
        var sales = await _db.RowsAsync<(long Customer, DateTime Day)>(
            "SELECT customer_id, CAST(order_date AS TIMESTAMP) FROM fact_order WHERE customer_id IS NOT NULL AND status <> 'cancelled' AND revenue > 0");
        var complaints = await _db.RowsAsync<(long Customer, DateTime At)>("SELECT customer_id, submitted_at FROM fact_ticket WHERE is_complaint = 1");
        (DashboardFilter Filter, DataScope Scope, Func<(long Id, int? Region, int? Segment, int? Owner, int? Team), bool> Keeps)[] cases =
        [
            (DashboardFilter.Default with { Regions = IdSet.Of(1) }, DataScope.All, c => c.Region == 1),
            (DashboardFilter.Default with { Regions = IdSet.Of(2) }, DataScope.All, c => c.Region == 2),
            (DashboardFilter.Default with { Segments = IdSet.Of(2) }, DataScope.All, c => c.Segment == 2),
            (DashboardFilter.Default with { Teams = IdSet.Of(1) }, DataScope.All, c => c.Team == 1),
            (DashboardFilter.Default with { Reps = IdSet.Of(1, 3) }, DataScope.All, c => c.Owner is 1 or 3),
            (DashboardFilter.Default, DataScope.ForTeams(IdSet.Of(2)), c => c.Team == 2),
            (DashboardFilter.Default with { Regions = IdSet.Of(1) }, DataScope.ForTeams(IdSet.Of(1)), c => c.Region == 1 && c.Team == 1),
        ];
        var nonZero = 0;
        var withoutComplaint = 0;
        foreach (var (filter, scope, keeps) in cases)
        {
            var kept = customers.Where(keeps).Select(c => c.Id).ToHashSet();
            foreach (var (period, previous, _) in UnfilteredTwinTests.Windows)
            {
                var from = period.From.ToDateTime(TimeOnly.MinValue);
                var to = period.To.ToDateTime(TimeOnly.MinValue);
                var active = sales.Where(s => s.Day >= from && s.Day < to && kept.Contains(s.Customer)).Select(s => s.Customer).ToHashSet();
                var complaining = complaints.Where(k => k.At >= from && k.At < to && active.Contains(k.Customer)).Select(k => k.Customer).Distinct().Count();

                var rows = await _db.Runner.QueryRowsAsync("kpi/complaints", QueryArgs.For(filter, scope).Window(period, previous).Monthly(false));
                var row = rows.SingleOrDefault();
                var what = string.Create(CultureInfo.InvariantCulture, $"{filter.Regions} {filter.Segments} {filter.Teams} {filter.Reps} {scope.IsAll} {period.From}..{period.To}");
                Assert.True(active.Count == (row?.GetInt64("active_customers") ?? 0), $"active customers, {what}: {active.Count} expected, {row?["active_customers"]}");
                Assert.True(complaining == (row?.GetInt64("complaining_customers") ?? 0), $"complaining customers, {what}: {complaining} expected, {row?["complaining_customers"]}");
                nonZero += complaining > 0 ? 1 : 0;
                withoutComplaint += active.Count > complaining ? 1 : 0;
            }
        }
        Assert.True(nonZero >= 5, $"the cases gave complainants to compare ({nonZero})");
        Assert.True(withoutComplaint >= 3, $"the cases gave active customers without a complaint ({withoutComplaint})");
    }
}
