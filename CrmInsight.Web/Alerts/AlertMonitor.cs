using System.Threading.Channels;
using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Alerts;

/// <summary>
/// Evaluates the alert rules when the data version changes: it listens to the process's one
/// <see cref="DataChangeMonitor"/> (so no query runs just to look for changes) and hands each
/// change to its own queue, so the monitor's notification returns at once and live updates
/// never wait for alerts. Changes that pile up while an evaluation runs are merged into one.
/// Rules on KPIs that move with the clock (freshness) are also evaluated every
/// <see cref="AlertOptions.ClockInterval"/>; a saved rule is evaluated at once.
/// </summary>
public sealed class AlertMonitor(
    DataChangeMonitor monitor,
    IDataVersionSource versions,
    AlertEvaluator evaluator,
    AlertWebhookSender webhooks,
    KpiCatalog catalog,
    DatabaseReadiness readiness,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<AlertMonitor> logger) : BackgroundService
{
    private readonly Channel<Queued> _triggers = Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _lock = new();
    private readonly List<(long Version, TaskCompletionSource Done)> _waiting = [];
    private IDisposable? _subscription;
    private long _evaluatedVersion = -1;

    /// <summary>The newest data version whose change has been evaluated.</summary>
    public long EvaluatedVersion => Interlocked.Read(ref _evaluatedVersion);

    /// <summary>Evaluates a rule that was just created or changed; completes when it has been.</summary>
    public Task EvaluateRuleAsync(int ruleId, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _triggers.Writer.TryWrite(new Queued(new AlertTrigger(monitor.State.Snapshot, [], RuleId: ruleId), done));
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Completes once the changes up to <paramref name="version"/> have been evaluated (tests and tools wait on it).</summary>
    public Task WaitForVersionAsync(long version, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (EvaluatedVersion >= version)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((version, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = monitor.Subscribe(state =>
        {
            if (state.ChangedAreas.Count > 0)
            {
                _triggers.Writer.TryWrite(new Queued(new AlertTrigger(state.Snapshot, state.ChangedAreas), null));
            }
            return Task.CompletedTask;
        });
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = TickAsync(stoppingToken);
        try
        {
            while (await _triggers.Reader.WaitToReadAsync(stoppingToken))
            {
                foreach (var queued in Merge())
                {
                    await EvaluateAsync(queued.Trigger, stoppingToken);
                    queued.Done?.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        await clock;
    }

    /// <summary>Everything queued, with the data changes folded into one at the newest version.</summary>
    private List<Queued> Merge()
    {
        var merged = new List<Queued>();
        AlertTrigger? data = null;
        while (_triggers.Reader.TryRead(out var queued))
        {
            var trigger = queued.Trigger;
            if (trigger.RuleId is not null || trigger.ClockTick)
            {
                merged.Add(queued);
            }
            else
            {
                data = data is null
                    ? trigger
                    : new AlertTrigger(trigger.DataVersion > data.DataVersion ? trigger.Snapshot : data.Snapshot, [.. data.ChangedAreas.Union(trigger.ChangedAreas, StringComparer.Ordinal)]);
            }
        }
        if (data is not null)
        {
            merged.Insert(0, new Queued(data, null));
        }
        return merged;
    }

    private async Task EvaluateAsync(AlertTrigger trigger, CancellationToken stoppingToken)
    {
        try
        {
            if (trigger.RuleId is not null || trigger.ClockTick)
            {
                trigger = trigger with { Snapshot = await versions.GetCurrentAsync(stoppingToken) };
            }
            foreach (var (rule, alert) in await evaluator.EvaluateAsync(trigger, stoppingToken))
            {
                logger.LogInformation("Alert {Kind}: rule {RuleId} ({Name}) on {Kpi} = {Value} (threshold {Threshold}) at data version {Version}",
                    alert.Kind, rule.Id, rule.Name, rule.KpiId, alert.Value, rule.Threshold, alert.DataVersion);
                webhooks.Enqueue(rule, alert);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Alert rules could not be evaluated at data version {Version}", trigger.DataVersion);
        }
        if (trigger.RuleId is null && !trigger.ClockTick)
        {
            Evaluated(trigger.DataVersion);
        }
    }

    private void Evaluated(long version)
    {
        lock (_lock)
        {
            if (version > _evaluatedVersion)
            {
                Interlocked.Exchange(ref _evaluatedVersion, version);
            }
            foreach (var waiter in _waiting.Where(w => w.Version <= version).ToList())
            {
                waiter.Done.TrySetResult();
                _waiting.Remove(waiter);
            }
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        if (!catalog.All.Any(k => k.ReadsClock))
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.ClockInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (readiness.IsReady)
                {
                    _triggers.Writer.TryWrite(new Queued(new AlertTrigger(monitor.State.Snapshot, [], ClockTick: true), null));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>A trigger, and for a saved rule the task its editor waits on.</summary>
    private sealed record Queued(AlertTrigger Trigger, TaskCompletionSource? Done);

    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }
}
