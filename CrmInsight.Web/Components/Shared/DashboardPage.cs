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
/// data changes, and write filter changes back to the URL. A page adds its data and markup,
/// inside <c>&lt;PageState Tracker="Drawing"&gt;</c>: the page's own load counts in
/// <see cref="Drawing"/> until the page has rendered its new data (so the charts and grids that
/// render have said they are drawing it).
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private CancellationTokenSource? _load;
    private IDisposable? _readinessSubscription;
    private IDisposable? _liveSubscription;
    private bool _loadedUnrendered;
    private bool _catalogKnown;

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

    /// <summary>What the page still has to draw; its root shows it as <c>data-state</c>.</summary>
    protected DrawTracker Drawing { get; } = new();

    /// <summary>Until sign-in lands every viewer sees all teams.</summary>
    protected static DataScope Scope => DataScope.All;

    /// <summary>Loads the page's data for <see cref="Filter"/>; may add to <see cref="Problems"/>.</summary>
    protected abstract Task LoadDataAsync(CancellationToken cancellationToken);

    /// <summary>Query-string keys of the page beyond the filter, kept when the filter changes.</summary>
    protected virtual IEnumerable<(string Key, string? Value)> PageParameters() => [];

    protected override void OnInitialized()
    {
        Drawing.Begin(this);
        Navigation.LocationChanged += OnLocationChanged;
        _readinessSubscription = Readiness.Subscribe(() => _ = InvokeAsync(() => LoadAsync()));
        // Data changed: re-read through the shared cache, throttled.
        _liveSubscription = Monitor.OnDataChanged(() => InvokeAsync(() => LoadAsync(quiet: true)));
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>
    /// Goes to this filter. The page takes it at once: the browser reports the new address only
    /// after a round trip, and a click in between (a row right after a period change) must act
    /// on the filter the user just chose, not the one before it.
    /// </summary>
    protected void ApplyFilter(DashboardFilter filter)
    {
        Filter = filter;
        Urls.Navigate(filter, [.. PageParameters()]);
    }

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
        Drawing.Begin(this);
        Drawing.Location = Navigation.Uri;
        var query = FilterQueryString.Parse(Urls.CurrentQuery());
        if (_catalogKnown)
        {
            // The filter follows the URL at once (with the members known so far), so a click handled
            // while the new data loads acts on the filter the user sees, not the one before it.
            Filter = Catalog.Validate(query).Filter;
        }
        if (!quiet)
        {
            Loading = true;
            StateHasChanged();
        }
        try
        {
            Catalog = await Dimensions.GetCatalogAsync(Scope, cancellationToken);
            _catalogKnown = true;
            var parsed = Catalog.Validate(query);
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
        _loadedUnrendered = true;
        StateHasChanged();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (_loadedUnrendered)
        {
            // The new data is rendered: the charts and grids given it have begun drawing it.
            _loadedUnrendered = false;
            Drawing.End(this);
        }
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
