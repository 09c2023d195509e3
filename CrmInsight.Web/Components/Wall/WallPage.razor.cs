using System.Globalization;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Security;
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
/// updated live by <see cref="DashboardPage"/>.
/// The display key is checked again every <see cref="WallOptions.KeyCheckInterval"/>, so a
/// revoked key shows the sign-in notice within one check.
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
    private bool _keyValid = true;

    [Inject] private OverviewService Overview { get; set; } = null!;
    [Inject] private ScorecardService Scorecards { get; set; } = null!;
    [Inject] private AccessKeyStore Keys { get; set; } = null!;
    [Inject] private IOptions<WallOptions> Options { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Text { get; set; } = null!;

    /// <summary>The display key the request came with (App checks its cookie), null without one.</summary>
    [CascadingParameter(Name = "DisplayKeyId")]
    public int? DisplayKeyId { get; set; }

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
            var period = _data?.Report.Period;
            parts.Add(period is null ? Text.Label(Filter.Preset) : $"{Text.Label(Filter.Preset)} ({DimensionLabels.Dates(period.Period, CultureInfo.CurrentCulture)})");
            parts.Add($"{Text["vs"]} {Text.Label(Filter.Comparison)}");
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
        _keyValid = DisplayKeyId is not null;
        base.OnInitialized();
        _ = RotateAsync(_stop.Token);
        _ = CheckKeyAsync(_stop.Token);
    }

    protected override async Task LoadDataAsync(CancellationToken cancellationToken)
    {
        if (_keyValid)
        {
            var view = CurrentView;
            var (data, scorecard) = await ReadAsync(view, cancellationToken);
            if (ReferenceEquals(view, CurrentView))
            {
                // the rotation moved on while this was read: its own read has the right data
                _data = data;
                _scorecard = scorecard;
            }
        }
    }

    protected override IEnumerable<(string Key, string? Value)> PageParameters() =>
        [(ViewsParameter, Urls.CurrentValue(ViewsParameter)), (IntervalParameter, Urls.CurrentValue(IntervalParameter))];

    /// <summary>A view's tiles and charts, and the default scorecard (its score and red KPIs show under every view) at the same data version.</summary>
    private async Task<(OverviewData, ScorecardReport?)> ReadAsync(WallView view, CancellationToken cancellationToken)
    {
        var data = await Overview.GetSelectionAsync(Filter, Scope, view.KpiIds, view.Trend, view.Regions, cancellationToken);
        var scorecard = await Scorecards.GetAsync(Filter, Scope, dataVersion: data.Report.Snapshot, cancellationToken: cancellationToken);
        return (data, scorecard);
    }

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
                            (_data, _scorecard) = await ReadAsync(next, stop);
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

    private async Task CheckKeyAsync(CancellationToken stop)
    {
        if (DisplayKeyId is not { } id)
        {
            return;
        }
        using var timer = new PeriodicTimer(Options.Value.KeyCheckInterval, Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                bool valid;
                try
                {
                    valid = await Keys.IsActiveAsync(id, stop);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    continue; // the database is away: the stale banner says so; the key is checked again next time
                }
                if (valid != _keyValid)
                {
                    _keyValid = valid;
                    _data = valid ? _data : null;
                    await InvokeAsync(StateHasChanged);
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
