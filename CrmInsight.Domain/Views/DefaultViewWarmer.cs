using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmInsight.Domain.Views;

/// <summary>
/// Recomputes the default views (every page with the default filter and the full scope, Overview
/// first) through the shared cache right after the data version changes, so the next screen that
/// opens or redraws one finds it computed. Screens asking meanwhile share the same executions
/// (the cache's single flight), so nobody waits longer for it. One warm runs at a time; requests
/// during it coalesce into one more warm after it.
/// </summary>
public sealed class DefaultViewWarmer : IDisposable
{
    private readonly PageViews _views;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _running = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    // Kept apart from its source: still readable (cancelled) after Dispose.
    private readonly CancellationToken _stop;
    private readonly Lock _gate = new();
    private Task? _queued;

    /// <summary>Raised after each warm has gone through every view (for tests and diagnostics).</summary>
    public event Action? Warmed;

    public DefaultViewWarmer(PageViews views, ILogger<DefaultViewWarmer>? logger = null)
    {
        _views = views;
        _logger = logger ?? NullLogger<DefaultViewWarmer>.Instance;
        _stop = _stopping.Token;
    }

    /// <summary>
    /// Asks for a warm of the current data version; the task completes when a warm that started
    /// after this call has finished (it never faults: a failed view is logged and the next one runs).
    /// </summary>
    public Task RequestAsync()
    {
        lock (_gate)
        {
            return _queued ??= Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        var stop = _stop;
        try
        {
            await _running.WaitAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            lock (_gate)
            {
                // From here on a new request is a new warm: this one may already have read the old version.
                _queued = null;
            }
            foreach (var (name, load) in _views.For(DashboardFilter.Default, DataScope.All))
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }
                try
                {
                    // At most one query of the warm at a time: screens keep the other slots.
                    await QueryGate.RunInBackgroundAsync(() => load(stop));
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    _logger.LogWarning(ex, "Recomputing the default {View} view failed; it is computed when a screen asks", name);
                }
                catch (Exception)
                {
                    return; // stopping: whatever the cancelled load threw
                }
            }
            Warmed?.Invoke();
        }
        finally
        {
            _running.Release();
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
