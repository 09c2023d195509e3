using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace CrmInsight.Web.Components.Pages;

/// <summary>
/// The headline KPIs by area with sparklines, the revenue trend and revenue by region.
/// The page reads its state from the URL, asks the services for data and renders; it shapes nothing.
/// </summary>
public sealed partial class Overview : IDisposable
{
    /// <summary>The query-string key of the KPI whose detail panel is open.</summary>
    public const string KpiParameter = "kpi";

    private DashboardFilter _filter = DashboardFilter.Default;
    private DimensionCatalog _catalog = new([]);
    private IReadOnlyList<FilterProblem> _problems = [];
    private OverviewData? _data;
    private KpiResult? _selected;
    private string? _error;
    private bool _loading;
    private CancellationTokenSource? _load;
    private IDisposable? _readinessSubscription;

    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private FilterNavigator Urls { get; set; } = null!;
    [Inject] private DimensionService Dimensions { get; set; } = null!;
    [Inject] private OverviewService OverviewData { get; set; } = null!;
    [Inject] private DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] private ILogger<Overview> Logger { get; set; } = null!;

    // Until sign-in lands every viewer sees all teams.
    private static DataScope Scope => DataScope.All;

    private string GrainLabel => _data?.Trend.Grain switch
    {
        TrendGrain.Day => "by day",
        TrendGrain.Week => "by week",
        _ => "by month",
    };

    protected override void OnInitialized()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _readinessSubscription = Readiness.Subscribe(() => _ = InvokeAsync(LoadAsync));
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(LoadAsync);

    private async Task LoadAsync()
    {
        if (!Readiness.IsReady)
        {
            StateHasChanged();
            return;
        }
        _load?.Cancel();
        _load?.Dispose();
        _load = new CancellationTokenSource();
        var cancellationToken = _load.Token;
        _loading = true;
        StateHasChanged();
        try
        {
            _catalog = await Dimensions.GetCatalogAsync(Scope, cancellationToken);
            var parsed = _catalog.Validate(FilterQueryString.Parse(Urls.CurrentQuery()));
            _filter = parsed.Filter;
            _problems = parsed.Problems;
            _data = await OverviewData.GetAsync(_filter, Scope, cancellationToken);
            var selectedId = Urls.CurrentValue(KpiParameter);
            _selected = _data.Report.Kpis.FirstOrDefault(k => string.Equals(k.Id, selectedId, StringComparison.OrdinalIgnoreCase));
            if (selectedId is not null && _selected is null)
            {
                _problems = [.. _problems, new FilterProblem(FilterProblemKind.Malformed, KpiParameter, selectedId)];
            }
            _error = null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // a newer load took over
        }
        catch (Exception ex)
        {
            Logger.LogError(ex, "Loading the Overview failed");
            _error = ex.Message;
        }
        _loading = false;
        StateHasChanged();
    }

    private void ApplyFilter(DashboardFilter filter) => Urls.Navigate(filter, (KpiParameter, _selected?.Id));

    private void FilterRegion(int regionId) =>
        ApplyFilter(_filter.WithMembers(DimensionKind.Region, _filter.Regions.Add(regionId)));

    private void OpenKpi(string id) => Urls.Navigate(_filter, (KpiParameter, id));

    private void CloseKpi() => Urls.Navigate(_filter);

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _readinessSubscription?.Dispose();
        _load?.Cancel();
        _load?.Dispose();
    }
}
