using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace CrmInsight.Web.Components.Shared;

/// <summary>
/// What every dashboard page does the same way: read the filter from the URL (and again on
/// back/forward or a link), wait for the database, load through the services with the previous
/// load cancelled, reload quietly (no spinner, at most once per redraw interval) when the
/// data changes, and write filter changes back to the URL. A page adds its data and markup.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private CancellationTokenSource? _load;
    private IDisposable? _readinessSubscription;
    private IDisposable? _liveSubscription;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected FilterNavigator Urls { get; set; } = null!;
    [Inject] protected DimensionService Dimensions { get; set; } = null!;
    [Inject] protected DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] protected ILoggerFactory LoggerFactory { get; set; } = null!;
    [Inject] private DataChangeMonitor Monitor { get; set; } = null!;

    protected DashboardFilter Filter { get; private set; } = DashboardFilter.Default;

    protected DimensionCatalog Catalog { get; private set; } = new([]);

    protected IReadOnlyList<FilterProblem> Problems { get; private set; } = [];

    protected bool Loading { get; private set; }

    protected string? LoadError { get; private set; }

    /// <summary>Until sign-in lands every viewer sees all teams.</summary>
    protected static DataScope Scope => DataScope.All;

    /// <summary>Loads the page's data for <see cref="Filter"/>; may add to <see cref="Problems"/>.</summary>
    protected abstract Task LoadDataAsync(CancellationToken cancellationToken);

    /// <summary>The period when the URL names none (and so is left out of the URL).</summary>
    protected virtual DatePreset DefaultPreset => DatePresets.Default;

    /// <summary>Query-string keys of the page beyond the filter, kept when the filter changes.</summary>
    protected virtual IEnumerable<(string Key, string? Value)> PageParameters() => [];

    protected override void OnInitialized()
    {
        Navigation.LocationChanged += OnLocationChanged;
        _readinessSubscription = Readiness.Subscribe(() => _ = InvokeAsync(() => LoadAsync()));
        // Data changed: re-read through the shared cache, throttled.
        _liveSubscription = Monitor.OnDataChanged(() => InvokeAsync(() => LoadAsync(quiet: true)));
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    protected void ApplyFilter(DashboardFilter filter) => Urls.Navigate(filter, DefaultPreset, [.. PageParameters()]);

    /// <summary>Cross-filter: a clicked bar, cell or point adds its member to the filter.</summary>
    protected void AddMember(DimensionKind kind, int id) => ApplyFilter(Filter.WithMembers(kind, Filter.Members(kind).Add(id)));

    protected void ReportProblem(FilterProblem problem) => Problems = [.. Problems, problem];

    /// <summary>Opens a customer's 360° page from a table row, with the filters and period kept.</summary>
    protected void OpenCustomer(Domain.Sql.SqlRow row) =>
        Navigation.NavigateTo($"/customers/{row.GetInt64("customer_id")}?{FilterQueryString.Format(Filter)}");

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(() => LoadAsync());

    /// <param name="quiet">A live refresh: keep showing the current data until the new data is in.</param>
    private async Task LoadAsync(bool quiet = false)
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
        if (!quiet)
        {
            Loading = true;
            StateHasChanged();
        }
        try
        {
            Catalog = await Dimensions.GetCatalogAsync(Scope, cancellationToken);
            var parsed = Catalog.Validate(FilterQueryString.Parse(Urls.CurrentQuery(), DefaultPreset));
            Filter = parsed.Filter;
            Problems = parsed.Problems;
            await LoadDataAsync(cancellationToken);
            LoadError = null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // a newer load took over
        }
        catch (Exception ex)
        {
            LoggerFactory.CreateLogger(GetType()).LogError(ex, "Loading {Page} failed", GetType().Name);
            LoadError = ex.Message;
        }
        Loading = false;
        StateHasChanged();
    }

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        _readinessSubscription?.Dispose();
        _liveSubscription?.Dispose();
        _load?.Cancel();
        _load?.Dispose();
        GC.SuppressFinalize(this);
    }
}
