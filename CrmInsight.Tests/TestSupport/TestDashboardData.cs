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
using CrmInsight.Web.Data;

namespace CrmInsight.Tests.TestSupport;

/// <summary>One read a page made: which read, for which filter and scope, with what beyond them (a customer id, a table spec).</summary>
public sealed record DataCall(string Read, DashboardFilter Filter, DataScope Scope, object? Argument = null);

/// <summary>
/// The pages' data seam without a database (as the Aspire dashboard's tests have
/// <c>TestDashboardClient</c>): each read answers what the test set — a view model, or a function
/// of the filter — and is recorded in <see cref="Calls"/>; <see cref="Failure"/> makes the page
/// reads throw; <see cref="RaiseDataChangedAsync"/> is a live data change as the monitor reports it.
/// A page read the test did not set fails the test with the read's name; a grid the test did not set has no rows.
/// </summary>
public sealed class TestDashboardData : IDashboardData
{
    private readonly Lock _lock = new();
    private readonly List<DataCall> _calls = [];
    private readonly List<Func<Task>> _dataChanged = [];
    private readonly List<Func<LiveState, Task>> _liveChanged = [];
    private readonly Dictionary<string, Func<object, DashboardFilter, TableRequest, object>> _tables = new(StringComparer.Ordinal);

    public DimensionCatalog Catalog { get; set; } = PageModels.Catalog;

    /// <summary>The catalog a limited scope reads (its teams and reps only); null: <see cref="Catalog"/>.</summary>
    public DimensionCatalog? ScopedCatalog { get; set; }

    public Func<DashboardFilter, OverviewData>? Overview { get; set; }
    public Func<DashboardFilter, ContributionData>? Contribution { get; set; }
    public Func<DashboardFilter, RetentionData>? Retention { get; set; }
    public Func<DashboardFilter, SatisfactionData>? Satisfaction { get; set; }
    public Func<DashboardFilter, MarketingData>? Marketing { get; set; }
    public Func<DashboardFilter, TargetsData>? Targets { get; set; }
    public Func<DashboardFilter, TeamBoard>? Board { get; set; }
    public Func<long, DashboardFilter, CustomerView?>? Customer { get; set; }
    public Func<DashboardFilter, DataHealthData>? DataHealth { get; set; }

    /// <summary>The scorecard a page shows beside its figures; unset: there is none (as with no scorecard saved).</summary>
    public Func<DashboardFilter, int?, ScorecardReport?> Scorecard { get; set; } = (_, _) => null;

    /// <summary>The overall score by quarter beside a scorecard.</summary>
    public IReadOnlyList<ScoreTrendPoint> ScorecardTrend { get; set; } = [];

    /// <summary>The saved scorecards (the picker, and what the edit page opens by id: null opens the default).</summary>
    public IReadOnlyList<ScorecardDefinition> Scorecards { get; set; } = [];

    /// <summary>What storing a scorecard answers (or throws, as a refusal); unset: the scorecard as given, a new one numbered 100.</summary>
    public Func<ScorecardDefinition, ScorecardDefinition> SaveScorecard { get; set; } = s => s.Id == 0 ? s with { Id = 100 } : s;

    /// <summary>The alert rules a scope may see.</summary>
    public Func<DataScope, IReadOnlyList<AlertRule>> AlertRules { get; set; } = _ => [];

    /// <summary>The alert history a scope may see.</summary>
    public Func<DataScope, IReadOnlyList<AlertEvent>> AlertHistory { get; set; } = _ => [];

    /// <summary>What storing a rule answers (or throws, as the store's refusal); unset: the draft stored as rule 100.</summary>
    public Func<AlertRuleDraft, DataScope, AlertRule> SaveAlertRule { get; set; } = (draft, scope) =>
        new AlertRule { Id = 100, Name = draft.Name, KpiId = draft.KpiId, Comparison = draft.Comparison, Threshold = draft.Threshold, FilterQuery = draft.FilterQuery };

    /// <summary>Thrown by every page read (not the catalog) while set: the database is away.</summary>
    public Exception? Failure { get; set; }

    public LiveState LiveState { get; set; } = new(new DataVersionSnapshot(1, new Dictionary<string, long>(), DateTimeOffset.UnixEpoch), DateTimeOffset.UnixEpoch, false, null);

    public IReadOnlyList<DataCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public int DataChangeSubscribers
    {
        get
        {
            lock (_lock)
            {
                return _dataChanged.Count;
            }
        }
    }

    /// <summary>The rows a table's grid gets (paged by its request): a function of the spec and the filter.</summary>
    public void SetTable<TKey>(TableDefinition<TKey> table, Func<TableSpec<TKey>, DashboardFilter, IReadOnlyList<TableRow<TKey>>> rows)
        where TKey : notnull =>
        _tables[table.Name] = (spec, filter, request) =>
        {
            var all = rows((TableSpec<TKey>)spec, filter);
            return new TablePage<TKey>([.. all.Skip(request.Offset).Take(request.Limit)], all.Count);
        };

    public void SetTable<TKey>(TableDefinition<TKey> table, params TableRow<TKey>[] rows) where TKey : notnull =>
        SetTable(table, (_, _) => rows);

    /// <summary>The reads of one kind, in order.</summary>
    public IReadOnlyList<DataCall> CallsOf(string read) => [.. Calls.Where(c => c.Read == read)];

    /// <summary>The specs (table and parameters) a table's grid read with, in order.</summary>
    public IReadOnlyList<TableSpec<TKey>> SpecsOf<TKey>(TableDefinition<TKey> table) where TKey : notnull =>
        [.. CallsOf("table:" + table.Name).Select(c => (((TableSpec<TKey> Spec, TableRequest Request))c.Argument!).Spec)];

    /// <summary>The data changed: every subscribed page and grid re-reads (as the monitor tells them, past its throttle).</summary>
    public async Task RaiseDataChangedAsync()
    {
        List<Func<Task>> subscribers;
        lock (_lock)
        {
            subscribers = [.. _dataChanged];
        }
        foreach (var subscriber in subscribers)
        {
            await subscriber();
        }
    }

    public async Task RaiseLiveStateChangedAsync(LiveState state)
    {
        LiveState = state;
        List<Func<LiveState, Task>> subscribers;
        lock (_lock)
        {
            subscribers = [.. _liveChanged];
        }
        foreach (var subscriber in subscribers)
        {
            await subscriber(state);
        }
    }

    public Task<DimensionCatalog> GetCatalogAsync(DataScope scope, CancellationToken cancellationToken)
    {
        Record(new DataCall("catalog", DashboardFilter.Default, scope));
        return Task.FromResult(scope.IsAll ? Catalog : ScopedCatalog ?? Catalog);
    }

    public ResolvedPeriod ResolvePeriod(DashboardFilter filter) => PageModels.Period;

    public Task<OverviewData> GetOverviewAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("overview", filter, scope, null, Overview, f => f(filter));

    public Task<OverviewData> GetOverviewSelectionAsync(DashboardFilter filter, DataScope scope, IReadOnlyList<string> kpiIds, bool trend, bool regions, CancellationToken cancellationToken) =>
        Read("overview-selection", filter, scope, (kpiIds, trend, regions), Overview, f => f(filter));

    public Task<ContributionData> GetContributionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("contribution", filter, scope, null, Contribution, f => f(filter));

    public Task<RetentionData> GetRetentionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("retention", filter, scope, null, Retention, f => f(filter));

    public Task<SatisfactionData> GetSatisfactionAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("satisfaction", filter, scope, null, Satisfaction, f => f(filter));

    public Task<MarketingData> GetMarketingAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("marketing", filter, scope, null, Marketing, f => f(filter));

    public Task<TargetsData> GetTargetsAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("targets", filter, scope, null, Targets, f => f(filter));

    public Task<TeamBoard> GetTeamBoardAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("team-board", filter, scope, null, Board, f => f(filter));

    public Task<ScorecardReport?> GetScorecardAsync(DashboardFilter filter, DataScope scope, int? scorecardId, DataVersionSnapshot? dataVersion, CancellationToken cancellationToken) =>
        Read("scorecard", filter, scope, scorecardId, Scorecard, f => f(filter, scorecardId));

    public Task<IReadOnlyList<ScoreTrendPoint>> GetScorecardTrendAsync(DashboardFilter filter, DataScope scope, int? scorecardId, DataVersionSnapshot? dataVersion, CancellationToken cancellationToken) =>
        Read("scorecard-trend", filter, scope, scorecardId, ScorecardTrend, t => t);

    public Task<IReadOnlyList<ScorecardDefinition>> ListScorecardsAsync(CancellationToken cancellationToken) =>
        Read("scorecards", DashboardFilter.Default, DataScope.All, null, Scorecards, s => s);

    public Task<ScorecardDefinition?> GetScorecardDefinitionAsync(int? scorecardId, CancellationToken cancellationToken) =>
        Read("scorecard-definition", DashboardFilter.Default, DataScope.All, scorecardId, Scorecards,
            s => s.FirstOrDefault(d => scorecardId is { } id ? d.Id == id : d.IsDefault));

    public Task<ScorecardDefinition> SaveScorecardAsync(ScorecardDefinition scorecard, CancellationToken cancellationToken) =>
        Write("save-scorecard", DataScope.All, scorecard, () => SaveScorecard(scorecard));

    public Task<bool> SetDefaultScorecardAsync(int scorecardId, CancellationToken cancellationToken) =>
        Write("default-scorecard", DataScope.All, scorecardId, () => Scorecards.Any(s => s.Id == scorecardId));

    public Task<bool> DeleteScorecardAsync(int scorecardId, CancellationToken cancellationToken) =>
        Write("delete-scorecard", DataScope.All, scorecardId, () => Scorecards.Any(s => s.Id == scorecardId && !s.IsDefault));

    public Task<IReadOnlyList<AlertRule>> GetAlertRulesAsync(DataScope scope, CancellationToken cancellationToken) =>
        Read("alert-rules", DashboardFilter.Default, scope, null, AlertRules, f => f(scope));

    public Task<IReadOnlyList<AlertEvent>> GetAlertHistoryAsync(DataScope scope, int limit, CancellationToken cancellationToken) =>
        Read("alert-history", DashboardFilter.Default, scope, limit, AlertHistory, f => f(scope));

    public Task<AlertRule> CreateAlertRuleAsync(AlertRuleDraft draft, DataScope scope, string? createdBy, CancellationToken cancellationToken) =>
        Write("create-alert-rule", scope, (draft, createdBy), () => SaveAlertRule(draft, scope));

    public Task<AlertRule?> UpdateAlertRuleAsync(int ruleId, AlertRuleDraft draft, DataScope scope, CancellationToken cancellationToken) =>
        Write<AlertRule?>("update-alert-rule", scope, (ruleId, draft), () => SaveAlertRule(draft, scope) with { Id = ruleId });

    public Task<bool> DeleteAlertRuleAsync(int ruleId, DataScope scope, CancellationToken cancellationToken) =>
        Write("delete-alert-rule", scope, ruleId, () => AlertRules(scope).Any(r => r.Id == ruleId));

    public Task<DataHealthData> GetDataHealthAsync(DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("data-health", filter, scope, null, DataHealth, f => f(filter));

    public Task<CustomerView?> GetCustomerAsync(long customerId, DashboardFilter filter, DataScope scope, CancellationToken cancellationToken) =>
        Read("customer", filter, scope, customerId, Customer, f => f(customerId, filter));

    public Task<TablePage<TKey>> GetTablePageAsync<TKey>(TableSpec<TKey> spec, DashboardFilter filter, DataScope scope, TableRequest request, CancellationToken cancellationToken)
        where TKey : notnull =>
        Read("table:" + spec.Table.Name, filter, scope, (spec, request), _tables.GetValueOrDefault(spec.Table.Name) ?? NoRows<TKey>,
            f => (TablePage<TKey>)f(spec, filter, request));

    // A grid the test did not set has no rows (a page is rarely about its grid).
    private static object NoRows<TKey>(object spec, DashboardFilter filter, TableRequest request) where TKey : notnull => new TablePage<TKey>([], 0);

    public IDisposable OnLiveStateChanged(Func<LiveState, Task> onChange) => Add(_liveChanged, onChange);

    public IDisposable OnDataChanged(Func<Task> refresh) => Add(_dataChanged, refresh);

    private Task<T> Read<T, TSource>(string read, DashboardFilter filter, DataScope scope, object? argument, TSource? source, Func<TSource, T> answer)
        where TSource : class
    {
        Record(new DataCall(read, filter, scope, argument));
        if (Failure is { } failure)
        {
            return Task.FromException<T>(failure);
        }
        if (source is null)
        {
            throw new InvalidOperationException($"The test did not set what the '{read}' read answers.");
        }
        return Task.FromResult(answer(source));
    }

    // A write is recorded (with what it was given) before it answers, so a refused write is seen too.
    private Task<T> Write<T>(string write, DataScope scope, object? argument, Func<T> answer)
    {
        Record(new DataCall(write, DashboardFilter.Default, scope, argument));
        try
        {
            return Task.FromResult(answer());
        }
        catch (Exception refused)
        {
            return Task.FromException<T>(refused);
        }
    }

    private void Record(DataCall call)
    {
        lock (_lock)
        {
            _calls.Add(call);
        }
    }

    private Subscription Add<T>(List<T> list, T item)
    {
        lock (_lock)
        {
            list.Add(item);
        }
        return new Subscription(() =>
        {
            lock (_lock)
            {
                list.Remove(item);
            }
        });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
