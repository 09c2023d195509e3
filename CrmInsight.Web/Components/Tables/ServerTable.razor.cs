using System.Globalization;
using CrmInsight.Domain.Export;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Api;
using CrmInsight.Web.Formatting;
using Microsoft.AspNetCore.Components;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Data;
using CrmInsight.Web.Live;
using CrmInsight.Web.Security;
using CrmInsight.Web.State;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CrmInsight.Web.Components.Tables;

/// <summary>
/// A grid the database sorts and pages. It follows the data by itself: on a change it re-reads
/// its current page (through the shared cache), at most once per redraw interval.
/// </summary>
public sealed partial class ServerTable<TKey> : IDisposable
    where TKey : notnull
{
    private IDisposable? _liveSubscription;
    private static readonly int[] PageSizes = [.. TableView.PageSizes];
    private MudTable<GridRow<TKey>>? _table;
    private int _requestedLoad;
    private int _shownLoad;
    private DashboardFilter? _loadedFilter;
    private TableSpec<TKey>? _loadedSpec;
    private TableView _view = null!;
    private string _address = "";
    private int _generation;
    private bool _checkPage;
    private IReadOnlyList<FilterProblem> _urlProblems = [];
    private string? _loadError;
    private Polly.ResiliencePipeline _retry = Polly.ResiliencePipeline.Empty;

    [Inject] private IDashboardData Data { get; set; } = null!;
    [Inject] private KpiFormatter Format { get; set; } = null!;
    [Inject] private LiveRetry Retry { get; set; } = null!;
    [Inject] private ILogger<ServerTable<TKey>> Logger { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The table and its parameters beyond the filter: what the grid shows and its export downloads.</summary>
    [Parameter, EditorRequired]
    public TableSpec<TKey> Spec { get; set; } = null!;

    [Parameter, EditorRequired]
    public DashboardFilter Filter { get; set; } = DashboardFilter.Default;

    /// <summary>The signed-in principal: the grid reads its scope itself, so no page can hand it a wider one.</summary>
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Parameter]
    public int PageSize { get; set; } = 25;

    /// <summary>A heading instead of the definition's title.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>A row was clicked: its key says which customer, campaign, rep … it is.</summary>
    [Parameter]
    public EventCallback<TKey> OnRowClick { get; set; }

    /// <summary>Many columns: tighter cells, money to the whole unit, names on one line and headers wrapped (wide screens).</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>The page's drawing state: the grid is pending from each read until its rows are on screen.</summary>
    [CascadingParameter]
    public DrawTracker? Drawing { get; set; }

    protected override void OnInitialized()
    {
        // A page of rows that cannot be read is tried again with backoff until it can (a quiet
        // live reload included); meanwhile the table says so instead of losing the error.
        _retry = Retry.Create(async (exception, retryIn) =>
        {
            Logger.LogError(exception, "Loading the table {Table} failed; trying again in {Delay}", Definition.Name, retryIn);
            await InvokeAsync(() =>
            {
                _loadError = L["The rows could not be loaded; trying again…"];
                StateHasChanged();
            });
        });
        Expect(); // MudTable reads the first page after its first render
        _liveSubscription = Data.OnDataChanged(() => InvokeAsync(ReloadQuietlyAsync));
        // The grid's sort and page are part of the address (DashboardUrls): read on load, written on change.
        _address = Navigation.Uri;
        _view = ReadView(_address);
        _checkPage = _view.Page > 0;
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        // A new filter or new parameters (the tickets of another channel) mean new rows: back to the
        // first page, in the same sort — unless the address moved with them (back, forward, a link), which
        // then says which page.
        if (_table is not null && _loadedFilter is not null && (_loadedFilter != Filter || _loadedSpec != Spec))
        {
            var moved = Navigation.Uri != _address;
            var target = moved ? ReadView(Navigation.Uri) : _view with { Page = 0 };
            _address = Navigation.Uri;
            if (target == _view)
            {
                Expect();
                await _table.ReloadServerData();
            }
            else
            {
                ShowView(target);
            }
        }
        else if (Navigation.Uri != _address)
        {
            FollowAddress();
        }
    }

    /// <summary>Back or forward between states of this grid alone: the page's data stands, the grid follows its keys.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(() =>
    {
        if (DashboardUrls.WithoutTables(e.Location) == DashboardUrls.WithoutTables(_address))
        {
            FollowAddress();
        }
    });

    private void FollowAddress()
    {
        if (Navigation.Uri == _address)
        {
            return; // the grid's own change coming back, or nothing new
        }
        _address = Navigation.Uri;
        var target = ReadView(_address);
        if (target != _view)
        {
            ShowView(target);
        }
    }

    /// <summary>A new sort or page asked for from outside the grid: a fresh grid starts on it.</summary>
    private void ShowView(TableView view)
    {
        _view = view;
        _generation++;
        Expect();
        StateHasChanged();
    }

    private TableView ReadView(string address)
    {
        var problems = new List<FilterProblem>();
        var view = DashboardUrls.ReadTable(DashboardUrls.QueryOf(address), Definition, PageSize, problems);
        _urlProblems = problems;
        return view;
    }

    private async Task<TableData<GridRow<TKey>>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        Expect();
        var load = _requestedLoad;
        var request = Definition.Request(
            string.IsNullOrEmpty(state.SortLabel) ? null : state.SortLabel,
            state.SortDirection == SortDirection.None ? null : state.SortDirection == SortDirection.Descending,
            state.Page,
            state.PageSize);
        var view = new TableView(request.Sort, request.Descending, state.Page, request.Limit);
        // The first read after the address asked for a page (later reads are the person's own paging).
        var askedPage = _checkPage;
        _checkPage = false;
        if (askedPage && view.Page != _view.Page && view with { Page = _view.Page } == _view)
        {
            // The grid could not open that page (past the last one: MudTable goes back to the first
            // by itself): it stands where it is, and the address stays as it was given.
            _view = view;
        }
        else if (view != _view)
        {
            // The person sorted or paged: the address says so (a new history entry, so Back undoes it).
            _view = view;
            _address = Navigation.ToAbsoluteUri(DashboardUrls.WithTable(Navigation.Uri, Definition, view, PageSize)).ToString();
            Navigation.NavigateTo(_address);
        }
        _loadedFilter = Filter;
        _loadedSpec = Spec;
        var scope = PrincipalScope.For((await AuthenticationState).User);
        var spec = Spec;
        TablePage<TKey> page = null!;
        await LiveRetry.ExecuteAsync(_retry, async attempt => page = await Data.GetTablePageAsync(spec, Filter, scope, request, attempt), cancellationToken);
        if (_loadError is not null)
        {
            _loadError = null;
            await InvokeAsync(StateHasChanged);
        }
        _shownLoad = load; // MudTable draws these rows next, and RenderedSignal reports it
        return new TableData<GridRow<TKey>> { Items = GridRow.Of(page.Rows), TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
    }

    /// <summary>New rows are on their way: the grid is pending until the latest read is drawn.</summary>
    private void Expect()
    {
        _requestedLoad++;
        Drawing?.Begin(this);
    }

    private void OnRowsRendered(int load)
    {
        if (load == _requestedLoad)
        {
            Drawing?.End(this);
        }
    }

    private TableDefinition<TKey> Definition => Spec.Table;

    private string ExportUrl(ExportFormat format) => DashboardUrls.Export(Definition, format, Filter, _view.Sort, _view.Descending, [.. Spec.Parameters]);

    private SortDirection InitialDirection(TableColumn column) =>
        column.Field == _view.Sort ? (_view.Descending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private Task RowClicked(TableRowClickEventArgs<GridRow<TKey>> args) =>
        args.Item is { } row ? OnRowClick.InvokeAsync(row.Row.Key) : Task.CompletedTask;

    // The key column (the first: what names the row) stays in view while the others scroll inside
    // the card; names stay on one line, cut with "…" (the whole name in the tooltip). See app.css.
    private string? HeaderClass(TableColumn column) => Classes(IsNumeric(column) ? "num" : null, IsKey(column));

    private string? CellClass(TableColumn column) => Classes(IsNumeric(column) ? "num" : column.Kind == ColumnKind.Text ? "text-cell" : null, IsKey(column));

    private bool IsKey(TableColumn column) => ReferenceEquals(column, Definition.Columns[0]);

    private static string? Classes(string? kind, bool key) => key ? $"{kind} key-column".TrimStart() : kind;

    private static bool IsNumeric(TableColumn column) => column.Kind is ColumnKind.Money or ColumnKind.Count or ColumnKind.Number or ColumnKind.Fraction;

    private string Cell(TableCell cell, TableColumn column)
    {
        var culture = CultureInfo.CurrentCulture;
        return column.Kind switch
        {
            ColumnKind.Money => Compact ? Format.FormatWholeMoney(cell.Number, culture) : Format.FormatExact(cell.Number, Domain.Kpis.KpiUnit.Money, culture),
            // An undefined number (a ratio with nothing to divide by) reads "—", never blank or 0.
            ColumnKind.Count => cell.Number?.ToString("N0", culture) ?? KpiFormatter.Undefined,
            ColumnKind.Number => cell.Number?.ToString("N2", culture) ?? KpiFormatter.Undefined,
            ColumnKind.Fraction => cell.Number?.ToString("P1", culture) ?? KpiFormatter.Undefined,
            ColumnKind.Date => cell.Date?.ToString("d", culture) ?? "",
            ColumnKind.Missing => cell.Number == 1 ? "✗" : "",
            _ when column.Codes is { } codes && cell.Text is { } code && codes.TryGetValue(code, out var label) => label.For(CultureInfo.CurrentUICulture),
            _ => cell.Text ?? "",
        };
    }

    private async Task ReloadQuietlyAsync()
    {
        if (_table is not null && _loadedFilter is not null)
        {
            Expect();
            await _table.ReloadServerData();
        }
    }

    public void Dispose()
    {
        _liveSubscription?.Dispose();
        Navigation.LocationChanged -= OnLocationChanged;
        Drawing?.End(this);
    }
}
