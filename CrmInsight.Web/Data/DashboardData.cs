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
using CrmInsight.Web.Alerts;
using CrmInsight.Web.Components.Tables;
using CrmInsight.Web.Live;

namespace CrmInsight.Web.Data;

/// <summary>The pages' data as the app reads it: the Domain services (through the shared cache) and the process's change monitor.</summary>
public sealed class DashboardData(
    DimensionService dimensions,
    PeriodResolver periods,
    OverviewService overview,
    ContributionService contribution,
    RetentionService retention,
    SatisfactionService satisfaction,
    MarketingService marketing,
    TargetsService targets,
    CustomerService customers,
    ScorecardService scorecards,
    ScorecardStore scorecardStore,
    AlertStore alerts,
    AlertMonitor alertMonitor,
    DataHealthService health,
    TableService tables,
    DataChangeMonitor monitor) : IDashboardData
{
    public Task<DimensionCatalog> GetCatalogAsync(DataScope scope, CancellationToken cancellationToken) =>
        dimensions.GetCatalogAsync(scope, cancellationToken);

    public ResolvedPeriod ResolvePeriod(DashboardFilter filter) => periods.Resolve(filter);

    public Task<OverviewData> GetOverviewAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        overview.GetAsync(filter, scope, cancellationToken);

    public Task<OverviewData> GetOverviewSelectionAsync(DashboardFilter filter, DataScope scope, IReadOnlyList<string> kpiIds, bool trend, bool regions, CancellationToken cancellationToken) =>
        overview.GetSelectionAsync(filter, scope, kpiIds, trend, regions, cancellationToken);

    public Task<ContributionData> GetContributionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        contribution.GetAsync(filter, scope, cancellationToken);

    public Task<RetentionData> GetRetentionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        retention.GetAsync(filter, scope, cancellationToken);

    public Task<SatisfactionData> GetSatisfactionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        satisfaction.GetAsync(filter, scope, cancellationToken);

    public Task<MarketingData> GetMarketingAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        marketing.GetAsync(filter, scope, cancellationToken);

    public Task<TargetsData> GetTargetsAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        targets.GetAsync(filter, scope, cancellationToken);

    public Task<TeamBoard> GetTeamBoardAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        targets.GetBoardAsync(filter, scope, cancellationToken: cancellationToken);

    public Task<ScorecardReport?> GetScorecardAsync(DashboardFilter filter, DataScope scope, int? scorecardId, DataVersionSnapshot? dataVersion, CancellationToken cancellationToken) =>
        scorecards.GetAsync(filter, scope, scorecardId, dataVersion, cancellationToken);

    public Task<IReadOnlyList<ScoreTrendPoint>> GetScorecardTrendAsync(DashboardFilter filter, DataScope scope, int? scorecardId, DataVersionSnapshot? dataVersion, CancellationToken cancellationToken) =>
        scorecards.GetTrendAsync(filter, scope, scorecardId, dataVersion, cancellationToken);

    public Task<IReadOnlyList<ScorecardDefinition>> ListScorecardsAsync(CancellationToken cancellationToken) => scorecardStore.ListAsync(cancellationToken);

    public Task<ScorecardDefinition?> GetScorecardDefinitionAsync(int? scorecardId, CancellationToken cancellationToken) =>
        scorecardStore.GetAsync(scorecardId, cancellationToken);

    public Task<ScorecardDefinition> SaveScorecardAsync(ScorecardDefinition scorecard, CancellationToken cancellationToken) =>
        scorecardStore.SaveAsync(scorecard, cancellationToken);

    public Task<bool> SetDefaultScorecardAsync(int scorecardId, CancellationToken cancellationToken) => scorecardStore.SetDefaultAsync(scorecardId, cancellationToken);

    public Task<bool> DeleteScorecardAsync(int scorecardId, CancellationToken cancellationToken) => scorecardStore.DeleteAsync(scorecardId, cancellationToken);

    public Task<IReadOnlyList<AlertRule>> GetAlertRulesAsync(DataScope scope, CancellationToken cancellationToken) => alerts.ListAsync(scope, cancellationToken);

    public Task<IReadOnlyList<AlertEvent>> GetAlertHistoryAsync(DataScope scope, int limit, CancellationToken cancellationToken) =>
        alerts.HistoryAsync(scope, limit, cancellationToken);

    public async Task<AlertRule> CreateAlertRuleAsync(AlertRuleDraft draft, DataScope scope, string? createdBy, CancellationToken cancellationToken)
    {
        var saved = await alerts.CreateAsync(draft, scope, createdBy, cancellationToken);
        await EvaluateAsync(saved.Id, cancellationToken);
        return saved;
    }

    public async Task<AlertRule?> UpdateAlertRuleAsync(int ruleId, AlertRuleDraft draft, DataScope scope, CancellationToken cancellationToken)
    {
        var saved = await alerts.UpdateAsync(ruleId, draft, scope, cancellationToken);
        if (saved is not null)
        {
            await EvaluateAsync(saved.Id, cancellationToken);
        }
        return saved;
    }

    public Task<bool> DeleteAlertRuleAsync(int ruleId, DataScope scope, CancellationToken cancellationToken) => alerts.DeleteAsync(ruleId, scope, cancellationToken);

    // A saved rule shows its state at once: it is evaluated now, not at the next data change (bounded, so a slow database cannot hold the form).
    private async Task EvaluateAsync(int ruleId, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        await alertMonitor.EvaluateRuleAsync(ruleId, wait.Token);
    }

    public Task<DataHealthData> GetDataHealthAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        health.GetAsync(filter, scope, cancellationToken);

    public Task<CustomerView?> GetCustomerAsync(long customerId, DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        customers.GetAsync(customerId, filter, scope, cancellationToken);

    public Task<TablePage<TKey>> GetTablePageAsync<TKey>(TableSpec<TKey> spec, DashboardFilter filter, DataScope scope, TableRequest request, CancellationToken cancellationToken)
        where TKey : notnull =>
        tables.GetPageAsync(spec.Table, filter, scope, request, spec.Arguments, cancellationToken);

    public LiveState LiveState => monitor.State;

    public IDisposable OnLiveStateChanged(Func<LiveState, Task> onChange) => monitor.Subscribe(onChange);

    public IDisposable OnDataChanged(Func<Task> refresh) => monitor.OnDataChanged(refresh);
}
