using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Sql;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Live;

/// <summary>
/// Runs the <see cref="LiveEventSimulator"/> while it is switched on (configuration,
/// <c>--simulate</c>, or the Admin page's toggle, which lasts until the app stops).
/// </summary>
public sealed class SimulatorService(
    IngestService ingest,
    QueryRunner runner,
    DataChangeMonitor monitor,
    DatabaseReadiness readiness,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<SimulatorService> logger) : BackgroundService
{
    private volatile bool _enabled = options.Value.Enabled;

    public bool Enabled => _enabled;

    /// <summary>Events written since start.</summary>
    public long Written { get; private set; }

    public string? LastProblem { get; private set; }

    public void SetEnabled(bool enabled)
    {
        _enabled = enabled;
        logger.LogInformation("Simulator {State}", enabled ? "on" : "off");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulator = new LiveEventSimulator(ingest, runner, time);
        var interval = options.Value.StepInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!_enabled || !readiness.IsReady)
                {
                    continue;
                }
                try
                {
                    var step = await simulator.StepAsync(interval, options.Value.OrdersPerSecond, stoppingToken);
                    Written += step.Orders + step.Tickets + step.Surveys + step.Touches;
                    LastProblem = null;
                    await monitor.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A failed step writes nothing (one transaction per request); try again next tick.
                    // The page says that it failed; the exception's text stays in the log.
                    LastProblem = ex is IngestRejectedException ? "A generated event was refused; see the server log." : "The last step could not be written (the database did not answer); it is tried again.";
                    logger.LogWarning(ex, "A simulator step failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
