using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Marketing;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;

namespace CrmInsight.Domain.Views;

/// <summary>
/// What each dashboard page reads when it opens with a filter: its service's data and the first
/// page of its tables, with the arguments the page sends (so the results land under the same
/// cache keys). The default-view warmer and the benchmark load pages through this one list.
/// </summary>
public sealed class PageViews(
    OverviewService overview,
    ContributionService contribution,
    RetentionService retention,
    SatisfactionService satisfaction,
    MarketingService marketing,
    TargetsService targets,
    TableService tables)
{
    /// <summary>The table page size the pages start with (ServerTable's default).</summary>
    public const int PageSize = 25;

    /// <summary>The Satisfaction page's ticket list and the Targets leaderboard start smaller.</summary>
    public const int TicketPageSize = 10;

    // Every ticket, no channel/category/agent chosen: what the page's TableExtras.ForTickets(null, null) sends.
    private static readonly SqlArgs AllTickets = SqlArgs.Empty.With("ticket_by", "").With("ticket_member", "");

    /// <summary>
    /// The pages, Overview first (what walls and most visitors open), each as one load. Sales
    /// targets opens on its own default period (this month) where the others open on theirs.
    /// </summary>
    public IReadOnlyList<(string Name, Func<CancellationToken, Task> Load)> For(DashboardFilter filter, DataScope scope) =>
    [
        ("Overview", ct => overview.GetAsync(filter, scope, ct)),
        ("Contribution", ct => Task.WhenAll(
            contribution.GetAsync(filter, scope, ct),
            tables.GetPageAsync(TableCatalog.TopCustomers, filter, scope, TableCatalog.TopCustomers.Request(null, null, 0, PageSize), cancellationToken: ct))),
        ("Retention", ct => Task.WhenAll(
            retention.GetAsync(filter, scope, ct),
            tables.GetPageAsync(TableCatalog.ChurnedCustomers, filter, scope, TableCatalog.ChurnedCustomers.Request(null, null, 0, PageSize), cancellationToken: ct))),
        ("Satisfaction", ct => Task.WhenAll(
            satisfaction.GetAsync(filter, scope, ct),
            tables.GetPageAsync(TableCatalog.Tickets, filter, scope, TableCatalog.Tickets.Request(null, null, 0, TicketPageSize), AllTickets, ct))),
        ("Marketing", ct => Task.WhenAll(
            marketing.GetAsync(filter, scope, ct),
            tables.GetPageAsync(TableCatalog.Campaigns, filter, scope, TableCatalog.Campaigns.Request(null, null, 0, PageSize), cancellationToken: ct),
            tables.GetPageAsync(TableCatalog.CampaignCustomers, filter, scope, TableCatalog.CampaignCustomers.Request(null, null, 0, PageSize), cancellationToken: ct))),
        ("Targets", ct => Task.WhenAll(
            targets.GetAsync(TargetsFilter(filter), scope, ct),
            tables.GetPageAsync(TableCatalog.Leaderboard, TargetsFilter(filter), scope, TableCatalog.Leaderboard.Request(null, null, 0, TicketPageSize), cancellationToken: ct))),
    ];

    private static DashboardFilter TargetsFilter(DashboardFilter filter) =>
        filter == DashboardFilter.Default ? filter.WithPreset(TargetsService.DefaultPreset) : filter;
}
