using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.DataHealth;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Marketing;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using CrmInsight.Web.Components.Tables;

namespace CrmInsight.Web.Data;

/// <summary>
/// Everything the dashboard pages, the wall and the grids read, and how they hear that the data
/// changed: the one seam between the screens and the services (as the Aspire dashboard's
/// <c>IDashboardClient</c> is). The app's <see cref="DashboardData"/> reads through the Domain
/// services and their shared cache; tests give the pages a double with the view models they want
/// to see, no database. Every read takes the scope of the signed-in principal.
/// </summary>
public interface IDashboardData
{
    Task<DimensionCatalog> GetCatalogAsync(DataScope scope, CancellationToken cancellationToken);

    /// <summary>The filter's period and comparison period, as of today.</summary>
    ResolvedPeriod ResolvePeriod(DashboardFilter filter);

    Task<OverviewData> GetOverviewAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    /// <summary>Only these tiles (and the trend, the regions) of the Overview: what one wall view shows.</summary>
    Task<OverviewData> GetOverviewSelectionAsync(DashboardFilter filter, DataScope scope, IReadOnlyList<string> kpiIds, bool trend, bool regions, CancellationToken cancellationToken);

    Task<ContributionData> GetContributionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    Task<RetentionData> GetRetentionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    Task<SatisfactionData> GetSatisfactionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    Task<MarketingData> GetMarketingAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    Task<TargetsData> GetTargetsAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    /// <summary>The team headlines of Sales targets (the wall's targets view).</summary>
    Task<TeamBoard> GetTeamBoardAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    /// <summary>A scorecard (the default one when <paramref name="scorecardId"/> is null) scored for the filter, at <paramref name="dataVersion"/> when given (the version the tiles beside it were read at).</summary>
    /// <returns>null when there is no such scorecard.</returns>
    Task<ScorecardReport?> GetScorecardAsync(DashboardFilter filter, DataScope scope, int? scorecardId, DataVersionSnapshot? dataVersion, CancellationToken cancellationToken);

    /// <summary>The overall score of the last eight quarters, at the version the report was read at.</summary>
    Task<IReadOnlyList<ScoreTrendPoint>> GetScorecardTrendAsync(DashboardFilter filter, DataScope scope, int? scorecardId, DataVersionSnapshot? dataVersion, CancellationToken cancellationToken);

    /// <summary>Every saved scorecard (definitions are not team-owned: the editor policy guards the writes).</summary>
    Task<IReadOnlyList<ScorecardDefinition>> ListScorecardsAsync(CancellationToken cancellationToken);

    /// <returns>The scorecard (the default one when <paramref name="scorecardId"/> is null); null when there is none.</returns>
    Task<ScorecardDefinition?> GetScorecardDefinitionAsync(int? scorecardId, CancellationToken cancellationToken);

    /// <summary>Stores a scorecard (a new one when its id is 0).</summary>
    /// <exception cref="ScorecardRejectedException">It is not valid; nothing was written.</exception>
    Task<ScorecardDefinition> SaveScorecardAsync(ScorecardDefinition scorecard, CancellationToken cancellationToken);

    /// <returns>false when there is no such scorecard.</returns>
    Task<bool> SetDefaultScorecardAsync(int scorecardId, CancellationToken cancellationToken);

    /// <returns>false when there is no such scorecard or it is the default.</returns>
    Task<bool> DeleteScorecardAsync(int scorecardId, CancellationToken cancellationToken);

    /// <summary>The alert rules the scope may see.</summary>
    Task<IReadOnlyList<AlertRule>> GetAlertRulesAsync(DataScope scope, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> firings and clearings of the rules the scope may see.</summary>
    Task<IReadOnlyList<AlertEvent>> GetAlertHistoryAsync(DataScope scope, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a new rule within the editor's scope and evaluates it once.</summary>
    /// <exception cref="AlertRejectedException">It is not valid or reaches outside the scope; nothing was written.</exception>
    Task<AlertRule> CreateAlertRuleAsync(AlertRuleDraft draft, DataScope scope, string? createdBy, CancellationToken cancellationToken);

    /// <summary>Changes a rule within the editor's scope and evaluates it once.</summary>
    /// <returns>null when the scope has no such rule.</returns>
    /// <exception cref="AlertRejectedException">It is not valid or reaches outside the scope; nothing was written.</exception>
    Task<AlertRule?> UpdateAlertRuleAsync(int ruleId, AlertRuleDraft draft, DataScope scope, CancellationToken cancellationToken);

    /// <returns>false when the scope has no such rule.</returns>
    Task<bool> DeleteAlertRuleAsync(int ruleId, DataScope scope, CancellationToken cancellationToken);

    Task<DataHealthData> GetDataHealthAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    /// <returns>null when there is no such customer in the scope.</returns>
    Task<CustomerView?> GetCustomerAsync(long customerId, DashboardFilter filter, DataScope scope, CancellationToken cancellationToken);

    /// <summary>One page of a grid's typed rows.</summary>
    Task<TablePage<TKey>> GetTablePageAsync<TKey>(TableSpec<TKey> spec, DashboardFilter filter, DataScope scope, TableRequest request, CancellationToken cancellationToken)
        where TKey : notnull;

    /// <summary>The data version's health: when the database last answered, whether the data may be stale.</summary>
    LiveState LiveState { get; }

    /// <summary>Calls <paramref name="onChange"/> after every data or health change until disposed.</summary>
    IDisposable OnLiveStateChanged(Func<LiveState, Task> onChange);

    /// <summary>Calls <paramref name="refresh"/> after the data changes (throttled to the redraw interval) until disposed.</summary>
    IDisposable OnDataChanged(Func<Task> refresh);
}
