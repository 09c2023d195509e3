using CrmInsight.Domain.Dimensions;
using CrmInsight.Web.Data;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using CrmInsight.Web.Security;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;

namespace CrmInsight.Web.Components.Shared;

/// <summary>
/// What every dashboard page does the same way: read the filter from the URL (and again on
/// back/forward or a link), wait for the database, load through the services with the previous
/// load cancelled, reload quietly (no spinner, at most once per redraw interval) when the
/// data changes, and write filter changes back to the URL. The scope comes from the signed-in
/// principal (<see cref="PrincipalScope"/>). A page adds its data and markup,
/// inside <c>&lt;PageState Tracker="Drawing"&gt;</c>: the page's own load counts in
/// <see cref="Drawing"/> until the page has rendered its new data (so the charts and grids that
/// render have said they are drawing it). A load that fails shows the error state (never the
/// exception's text) and is tried again with backoff (<see cref="LiveRetry"/>) until it succeeds,
/// so a screen left alone recovers by itself.
/// </summary>
public abstract class DashboardPage : ComponentBase, IDisposable
{
    private CancellationTokenSource? _load;
    private Polly.ResiliencePipeline _retry = Polly.ResiliencePipeline.Empty;
    private bool _inFlight;
    private IDisposable? _readinessSubscription;
    private IDisposable? _liveSubscription;
    private bool _loadedUnrendered;
    private bool _catalogKnown;
    private string? _loadedAddress;
    /// <summary>A filter the user chose whose address the browser has not reported back yet.</summary>
    private DashboardFilter? _chosen;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;
    [Inject] protected FilterNavigator Urls { get; set; } = null!;
    /// <summary>Everything the page reads (and hears changes of), through the one seam tests can replace.</summary>
    [Inject] protected IDashboardData Data { get; set; } = null!;
    [Inject] protected DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] protected ILoggerFactory LoggerFactory { get; set; } = null!;
    [Inject] private LiveRetry Retry { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> PageText { get; set; } = null!;

    protected DashboardFilter Filter { get; private set; } = DashboardFilter.Default;

    protected DimensionCatalog Catalog { get; private set; } = new([]);

    protected IReadOnlyList<FilterProblem> Problems { get; private set; } = [];

    protected bool Loading { get; private set; }

    protected string? LoadError { get; private set; }

    /// <summary>When the page's data was last loaded for the then current data version (null: never yet).</summary>
    protected DateTimeOffset? LoadedAt { get; private set; }

    /// <summary>What the page still has to draw; its root shows it as <c>data-state</c>.</summary>
    protected DrawTracker Drawing { get; } = new();

    /// <summary>The rows the signed-in user or key may see, read from the principal on every load (never from the URL).</summary>
    protected DataScope Scope { get; private set; } = DataScope.Nothing;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    /// <summary>Loads the page's data for <see cref="Filter"/>; may add to <see cref="Problems"/>.</summary>
    protected abstract Task LoadDataAsync(CancellationToken cancellationToken);

    /// <summary>The period when the URL names none (and so is left out of the URL).</summary>
    protected virtual DatePreset DefaultPreset => DatePresets.Default;

    /// <summary>This page's address with this filter and the page's other state as it is now (<see cref="DashboardUrls"/>).</summary>
    protected abstract string PageUrl(DashboardFilter filter);

    protected override void OnInitialized()
    {
        _retry = Retry.Create(OnLoadFailedAsync);
        Drawing.Begin(this);
        Navigation.LocationChanged += OnLocationChanged;
        _readinessSubscription = Readiness.Subscribe(() => _ = InvokeAsync(() => LoadAsync()));
        // Data changed: re-read through the shared cache, throttled.
        _liveSubscription = Data.OnDataChanged(() => InvokeAsync(() => LoadAsync(quiet: true)));
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>
    /// Goes to this filter. The page takes it at once: the browser reports the new address only
    /// after a round trip, and a click in between (a row right after a period change) must act
    /// on the filter the user just chose, not the one before it. Until that address arrives, a
    /// load that reads the address (a live refresh, or a load begun before the choice) keeps
    /// the chosen filter instead of going back to the one the old address names.
    /// </summary>
    protected void ApplyFilter(DashboardFilter filter)
    {
        Filter = filter;
        _chosen = filter;
        Navigation.NavigateTo(DashboardUrls.WithFilter(PageUrl(filter), Navigation.Uri));
    }

    /// <summary>Cross-filter: a clicked bar, cell or point adds its member to the filter.</summary>
    protected void AddMember(DimensionKind kind, int id) => ApplyFilter(Filter.WithMembers(kind, Filter.Members(kind).Add(id)));

    protected void ReportProblem(FilterProblem problem) => Problems = [.. Problems, problem];

    /// <summary>Opens a customer's 360° page, with the filters and period kept.</summary>
    protected void OpenCustomer(long customerId) => Navigation.NavigateTo(DashboardUrls.Customer(customerId, Filter));

    /// <summary>Opens the 360° page of a customer's table row.</summary>
    protected void OpenCustomer(Domain.Tables.CustomerRowKey row) => OpenCustomer(row.CustomerId);

    /// <summary>
    /// Re-reads the current data without a spinner (through the cache: cheap when nothing changed),
    /// confirming <see cref="LoadedAt"/>; nothing while a load (or its retries) is under way.
    /// </summary>
    protected Task RefreshQuietlyAsync() => InvokeAsync(() => _inFlight ? Task.CompletedTask : LoadAsync(quiet: true));

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(() =>
    {
        _chosen = null; // the address the browser has now is the state again
        if (_loadedAddress is not null && DashboardUrls.WithoutTables(Navigation.Uri) == _loadedAddress)
        {
            // Only a grid's sort or page moved: the grid reads its rows itself; the page's data stands.
            Drawing.Location = Navigation.Uri;
            return Task.CompletedTask;
        }
        return LoadAsync();
    });

    private async ValueTask OnLoadFailedAsync(Exception exception, TimeSpan retryIn)
    {
        LoggerFactory.CreateLogger(GetType()).LogError(exception, "Loading {Page} failed; trying again in {Delay}", GetType().Name, retryIn);
        await InvokeAsync(() =>
        {
            LoadError = PageText["The data could not be loaded; trying again…"];
            Loading = false;
            _loadedUnrendered = true; // the error state is what the page shows now: settled
            StateHasChanged();
        });
    }

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
        _loadedAddress = DashboardUrls.WithoutTables(Navigation.Uri);
        var query = FilterQueryString.Parse(Urls.CurrentQuery(), DefaultPreset);
        if (_catalogKnown)
        {
            // The filter follows the URL at once (with the members known so far), so a click handled
            // while the new data loads acts on the filter the user sees, not the one before it.
            Filter = _chosen ?? Catalog.Validate(query).Filter;
        }
        if (!quiet)
        {
            Loading = true;
            StateHasChanged();
        }
        _inFlight = true;
        try
        {
            Scope = PrincipalScope.For((await AuthenticationState).User);
            await LiveRetry.ExecuteAsync(_retry, async attempt =>
            {
                Catalog = await Data.GetCatalogAsync(Scope, attempt);
                _catalogKnown = true;
                var parsed = Catalog.Validate(query);
                Filter = _chosen ?? parsed.Filter;
                Problems = parsed.Problems;
                await LoadDataAsync(attempt);
            }, cancellationToken);
            LoadError = null;
            LoadedAt = Time.GetUtcNow();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return; // a newer load took over (or the page closed)
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                _inFlight = false;
            }
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
