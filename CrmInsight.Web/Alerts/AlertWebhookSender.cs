using System.Globalization;
using System.Net.Http.Json;
using System.Threading.Channels;
using CrmInsight.Domain.Alerts;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Alerts;

/// <summary>
/// POSTs each alert firing and clearing as JSON to every configured webhook, from a queue of
/// its own: the evaluator (and the live updates behind it) never waits for a receiver. Retries
/// with backoff are the "alert-webhooks" HttpClient's resilience handler; a POST that still
/// fails is logged and dropped.
/// </summary>
public sealed class AlertWebhookSender(IHttpClientFactory clients, IOptions<AlertOptions> options, ILogger<AlertWebhookSender> logger) : BackgroundService
{
    public const string ClientName = "alert-webhooks";
    private const int QueueLength = 1_000;

    private readonly Channel<AlertWebhookPayload> _queue = Channel.CreateBounded<AlertWebhookPayload>(
        new BoundedChannelOptions(QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly Lock _lock = new();
    private TaskCompletionSource _idle = Completed();
    private long _delivered;
    private long _failed;
    private long _pending;

    /// <summary>POSTs that a receiver accepted (2xx), counted per receiver.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>POSTs given up after every retry.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Events queued or being sent.</summary>
    public long Pending
    {
        get
        {
            lock (_lock)
            {
                return _pending;
            }
        }
    }

    /// <summary>Completes when every event queued so far has been sent or given up on.</summary>
    public Task WaitUntilSentAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Queues an event for every webhook; never waits. A full queue drops it, with a warning.</summary>
    public void Enqueue(AlertRule rule, AlertEvent alert)
    {
        if (options.Value.Webhooks.Count == 0)
        {
            return;
        }
        Started();
        if (!_queue.Writer.TryWrite(AlertWebhookPayload.From(rule, alert)))
        {
            Finished();
            logger.LogWarning("The alert webhook queue is full ({Length}); event {EventId} of rule {RuleId} was not sent", QueueLength, alert.Id, alert.RuleId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var payload in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            foreach (var url in options.Value.Webhooks)
            {
                try
                {
                    using var response = await clients.CreateClient(ClientName).PostAsJsonAsync(url, payload, stoppingToken);
                    response.EnsureSuccessStatusCode();
                    Interlocked.Increment(ref _delivered);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failed);
                    logger.LogWarning(ex, "Alert event {EventId} ({Kind} of rule {RuleId}) could not be delivered to {Url}", payload.EventId, payload.Event, payload.Rule.Id, url);
                }
            }
            Finished();
        }
    }

    private void Started()
    {
        lock (_lock)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Finished()
    {
        lock (_lock)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}

/// <summary>The JSON an alert webhook receives. <c>eventId</c> is unique: a receiver can ignore a repeat.</summary>
public sealed record AlertWebhookPayload(
    long EventId,
    string Event,
    AlertWebhookRule Rule,
    decimal? Value,
    long DataVersion,
    string OccurredAt)
{
    public static AlertWebhookPayload From(AlertRule rule, AlertEvent alert) => new(
        alert.Id,
        alert.Kind == AlertEventKind.Fired ? "fired" : "cleared",
        AlertWebhookRule.Of(rule),
        alert.Value,
        alert.DataVersion,
        DateTime.SpecifyKind(alert.OccurredAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}

/// <param name="Teams">null: every team.</param>
public sealed record AlertWebhookRule(int Id, string Name, string Kpi, string Comparison, decimal Threshold, int Sustain, string Filter, IReadOnlyList<int>? Teams)
{
    public static AlertWebhookRule Of(AlertRule rule) =>
        new(rule.Id, rule.Name, rule.KpiId, AlertStore.ComparisonName(rule.Comparison), rule.Threshold, rule.Sustain, rule.FilterQuery, rule.ScopeTeams?.ToList());
}
