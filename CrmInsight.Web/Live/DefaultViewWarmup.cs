using CrmInsight.Domain.Views;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Live;

/// <summary>
/// Hands every data change (and the first version read at start) to Domain's
/// <see cref="DefaultViewWarmer"/>, unless <see cref="LiveOptions.WarmDefaultViews"/> is off.
/// </summary>
public sealed class DefaultViewWarmup(DataChangeMonitor monitor, DefaultViewWarmer warmer, IOptions<LiveOptions> options) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WarmDefaultViews)
        {
            _subscription = monitor.Subscribe(state =>
            {
                if (state.ChangedAreas.Count > 0)
                {
                    _ = warmer.RequestAsync();
                }
                return Task.CompletedTask;
            });
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();
}
