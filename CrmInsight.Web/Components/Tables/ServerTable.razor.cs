using System.Globalization;
using CrmInsight.Domain.Export;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Api;
using CrmInsight.Web.Formatting;
using Microsoft.AspNetCore.Components;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Live;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace CrmInsight.Web.Components.Tables;

/// <summary>
/// A grid the database sorts and pages. It follows the data by itself: on a change it re-reads
/// its current page (through the shared cache), at most once per redraw interval.
/// </summary>
public sealed partial class ServerTable : IDisposable
{
    private IDisposable? _liveSubscription;
    private static readonly int[] PageSizes = [10, 25, 50, 100];
    private MudTable<GridRow>? _table;
    private int _requestedLoad;
    private int _shownLoad;
    private DashboardFilter? _loadedFilter;
    private string? _loadedExtra;
    private string _sort = "";
    private bool _descending;
    private string? _loadError;
    private Polly.ResiliencePipeline _retry = Polly.ResiliencePipeline.Empty;

    [Inject] private TableService Tables { get; set; } = null!;
    [Inject] private DataChangeMonitor Monitor { get; set; } = null!;
    [Inject] private KpiFormatter Format { get; set; } = null!;
    [Inject] private LiveRetry Retry { get; set; } = null!;
    [Inject] private ILogger<ServerTable> Logger { get; set; } = null!;

    [Parameter, EditorRequired]
    public TableDefinition Definition { get; set; } = null!;

    [Parameter, EditorRequired]
    public DashboardFilter Filter { get; set; } = DashboardFilter.Default;

    /// <summary>The signed-in principal: the grid reads its scope itself, so no page can hand it a wider one.</summary>
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    /// <summary>Arguments beyond the filter (a customer id ...), and the same as URL pairs for the export.</summary>
    [Parameter]
    public SqlArgs? Extra { get; set; }

    [Parameter]
    public IReadOnlyList<(string Key, string Value)> ExportExtra { get; set; } = [];

    [Parameter]
    public int PageSize { get; set; } = 25;

    /// <summary>A heading instead of the definition's title.</summary>
    [Parameter]
    public string? Title { get; set; }

    [Parameter]
    public EventCallback<SqlRow> OnRowClick { get; set; }

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
        _liveSubscription = Monitor.OnDataChanged(() => InvokeAsync(ReloadQuietlyAsync));
        _sort = Definition.DefaultSort;
        _descending = Definition.DefaultDescending;
    }

    protected override async Task OnParametersSetAsync()
    {
        // A new filter or new extra arguments (the tickets of another channel) mean new rows: back to the first page.
        if (_table is not null && _loadedFilter is not null && (_loadedFilter != Filter || _loadedExtra != ExtraKey))
        {
            Expect();
            await _table.ReloadServerData();
        }
    }

    private async Task<TableData<GridRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        Expect();
        var load = _requestedLoad;
        var request = Definition.Request(
            string.IsNullOrEmpty(state.SortLabel) ? null : state.SortLabel,
            state.SortDirection == SortDirection.None ? null : state.SortDirection == SortDirection.Descending,
            state.Page,
            state.PageSize);
        _sort = request.Sort;
        _descending = request.Descending;
        _loadedFilter = Filter;
        _loadedExtra = ExtraKey;
        var scope = PrincipalScope.For((await AuthenticationState).User);
        TablePage page = null!;
        await LiveRetry.ExecuteAsync(_retry, async attempt => page = await Tables.GetPageAsync(Definition, Filter, scope, request, Extra, attempt), cancellationToken);
        if (_loadError is not null)
        {
            _loadError = null;
            await InvokeAsync(StateHasChanged);
        }
        _shownLoad = load; // MudTable draws these rows next, and RenderedSignal reports it
        return new TableData<GridRow> { Items = GridRow.Of(page.Rows, Definition.KeyField), TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
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

    private string ExtraKey => Extra is null ? "" : Extra.KeyFor(Extra.Names);

    private string ExportUrl(ExportFormat format) => ExportEndpoints.Url(Definition, format, Filter, _sort, _descending, [.. ExportExtra]);

    private SortDirection InitialDirection(TableColumn column) =>
        column.Field == Definition.DefaultSort ? (Definition.DefaultDescending ? SortDirection.Descending : SortDirection.Ascending) : SortDirection.None;

    private Task RowClicked(TableRowClickEventArgs<GridRow> args) =>
        args.Item is { } row ? OnRowClick.InvokeAsync(row.Row) : Task.CompletedTask;

    private static string? HeaderClass(TableColumn column) => IsNumeric(column) ? "num" : null;

    private static string? CellClass(TableColumn column) => IsNumeric(column) ? "num" : null;

    private static bool IsNumeric(TableColumn column) => column.Kind is ColumnKind.Money or ColumnKind.Count or ColumnKind.Number or ColumnKind.Fraction;

    private string Cell(SqlRow row, TableColumn column)
    {
        var culture = CultureInfo.CurrentCulture;
        var value = row[column.Field];
        return column.Kind switch
        {
            ColumnKind.Money => Compact ? Format.FormatWholeMoney(SqlRow.ToDecimal(value), culture) : Format.FormatExact(SqlRow.ToDecimal(value), Domain.Kpis.KpiUnit.Money, culture),
            // An undefined number (a ratio with nothing to divide by) reads "—", never blank or 0.
            ColumnKind.Count => SqlRow.ToDecimal(value)?.ToString("N0", culture) ?? KpiFormatter.Undefined,
            ColumnKind.Number => SqlRow.ToDecimal(value)?.ToString("N2", culture) ?? KpiFormatter.Undefined,
            ColumnKind.Fraction => SqlRow.ToDecimal(value)?.ToString("P1", culture) ?? KpiFormatter.Undefined,
            ColumnKind.Date => row.GetDate(column.Field)?.ToString("d", culture) ?? "",
            ColumnKind.Missing => SqlRow.ToDecimal(value) == 1 ? "✗" : "",
            _ when column.Codes is { } codes && value is string code && codes.TryGetValue(code, out var label) => label.For(CultureInfo.CurrentUICulture),
            _ => value?.ToString() ?? "",
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
        Drawing?.End(this);
    }
}
