using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Targets;
using CrmInsight.Web.Components.Targets;
using CrmInsight.Web.Components.Filters;
using CrmInsight.Web.Components.Shared;
using CrmInsight.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Components.Wall;

/// <summary>
/// The TV display: the Overview's tiles and charts (so walls and the Overview share cached
/// results), one view at a time, reading only what the current view shows, in large type,
/// updated live by <see cref="DashboardPage"/>. A display key (or a signed-in person) opens it;
/// the circuit re-checks the key every <see cref="WallOptions.KeyCheckInterval"/> and a revoked
/// key ends it at once, leaving the sign-in notice (see CrmAuthenticationStateProvider).
/// </summary>
public sealed partial class WallPage : IAsyncDisposable
{
    public const string ViewsParameter = "views";
    public const string IntervalParameter = "interval";

    private readonly CancellationTokenSource _stop = new();
    private IReadOnlyList<WallView> _views = [];
    private int _viewIndex;
    private TimeSpan _interval;
    private OverviewData? _data;
    private ScorecardReport? _scorecard;
    private TeamBoard? _board;
    private decimal _targetScale = 1m;

    [Inject] private OverviewService Overview { get; set; } = null!;
    [Inject] private TargetsService Targets { get; set; } = null!;
    [Inject] private ScorecardService Scorecards { get; set; } = null!;
    [Inject] private IOptions<WallOptions> Options { get; set; } = null!;
    [Inject] private IOptions<LiveOptions> LiveOptions { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Text { get; set; } = null!;

    private WallView CurrentView => _views[_viewIndex % _views.Count];

    private IEnumerable<KpiTileData> Tiles
    {
        get
        {
            var tiles = _data!.Groups.SelectMany(g => g.Tiles).ToDictionary(t => t.Result.Id);
            return CurrentView.KpiIds.Where(tiles.ContainsKey).Select(id => tiles[id]);
        }
    }

    /// <summary>The filter as read-only text: period, comparison and any members.</summary>
    private string Context
    {
        get
        {
            var parts = new List<string>();
            var filter = FilterFor(CurrentView);
            var period = CurrentView.Targets ? _board?.Period : _data?.Report.Period;
            parts.Add(period is null ? Text.Label(filter.Preset) : $"{Text.Label(filter.Preset)} ({DimensionLabels.Dates(period.Period, CultureInfo.CurrentCulture)})");
            if (!CurrentView.Targets)
            {
                parts.Add($"{Text["vs"]} {Text.Label(Filter.Comparison)}");
            }
            foreach (var kind in DimensionKinds.All.Where(k => Filter.Members(k).Count > 0))
            {
                parts.Add($"{Text.Label(kind)}: {string.Join(", ", Filter.Members(kind).Select(id => Catalog.NameOf(kind, id)))}");
            }
            return string.Join(" · ", parts);
        }
    }

    protected override void OnInitialized()
    {
        var options = Options.Value;
        // Options were validated at start, so the configured list parses.
        _views = WallViews.TryParse(options.Views, out var configured, out _) ? configured : WallViews.All;
        if (WallViews.TryParse(Urls.CurrentValue(ViewsParameter), out var fromUrl, out _))
        {
            _views = fromUrl;
        }
        _interval = TimeSpan.FromSeconds(
            int.TryParse(Urls.CurrentValue(IntervalParameter), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= WallViews.MinIntervalSeconds and <= WallViews.MaxIntervalSeconds
                ? seconds
                : options.IntervalSeconds);
        base.OnInitialized();
        _ = RotateAsync(_stop.Token);
        _ = ConfirmAsync(_stop.Token);
    }

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        var view = CurrentView;
        var data = await ReadAsync(view, cancellationToken);
        if (ReferenceEquals(view, CurrentView))
        {
            Show(data); // the rotation moved on while this was read: its own read has the right data
        }
    }

    /// <summary>
    /// The filter a view reads: the wall's, except that the targets view opens on this month, as
    /// Sales targets does, when the wall's address names no period.
    /// </summary>
    private DashboardFilter FilterFor(WallView view) =>
        view.Targets && Urls.CurrentValue(FilterQueryString.Period) is null && Urls.CurrentValue(FilterQueryString.From) is null
            ? Filter.WithPreset(TargetsService.DefaultPreset)
            : Filter;

    /// <summary>
    /// A view's data — the Overview's tiles and charts, or the targets view's team board — and the
    /// default scorecard (its score and red KPIs show under every view, and the scorecard view is
    /// made of it), read at the same data version as the tiles.
    /// </summary>
    private async Task<(object Data, ScorecardReport? Scorecard)> ReadAsync(WallView view, CancellationToken cancellationToken)
    {
        if (view.Targets)
        {
            var board = await Targets.GetBoardAsync(FilterFor(view), Scope, cancellationToken: cancellationToken);
            return (board, await Scorecards.GetAsync(Filter, Scope, cancellationToken: cancellationToken));
        }
        var data = await Overview.GetSelectionAsync(Filter, Scope, view.KpiIds, view.Trend, view.Regions, cancellationToken);
        return (data, await Scorecards.GetAsync(Filter, Scope, dataVersion: data.Report.Snapshot, cancellationToken: cancellationToken));
    }

    private void Show((object Data, ScorecardReport? Scorecard) read)
    {
        _scorecard = read.Scorecard;
        if (read.Data is TeamBoard board)
        {
            _board = board;
            _targetScale = AttainmentBar.ScaleFor(board.Teams.Select(t => t.Attainment));
        }
        else
        {
            _data = (OverviewData)read.Data;
        }
    }

    protected override IEnumerable<(string Key, string? Value)> PageParameters() =>
        [(ViewsParameter, Urls.CurrentValue(ViewsParameter)), (IntervalParameter, Urls.CurrentValue(IntervalParameter))];

    private async Task RotateAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(_interval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (_views.Count > 1)
                {
                    // The next view's data is read before it is shown, so the screen never goes blank.
                    await InvokeAsync(async () =>
                    {
                        var next = _views[(_viewIndex + 1) % _views.Count];
                        try
                        {
                            Show(await ReadAsync(next, stop));
                            _viewIndex = (_viewIndex + 1) % _views.Count;
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            // The database is away: stay on this view; the stale banner says why.
                        }
                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The wall was closed.
        }
    }

    /// <summary>
    /// Re-reads the tiles (through the cache, so nothing is queried when nothing changed) three
    /// times per <see cref="LiveOptions.StaleAfter"/>: "data as of" then says when the figures were
    /// last confirmed current, and a wall whose reloads fail shows the stale banner in time.
    /// </summary>
    private async Task ConfirmAsync(CancellationToken stop)
    {
        var confirmEvery = LiveOptions.Value.StaleAfter / 3;
        using var timer = new PeriodicTimer(confirmEvery, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                // Only when nothing else (a data change, the rotation) loaded the tiles meanwhile.
                if (Readiness.IsReady && (LoadedAt is not { } at || Clock.GetUtcNow() - at >= confirmEvery))
                {
                    await RefreshQuietlyAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The wall was closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
        Dispose();
    }
}
