using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using Microsoft.Extensions.Logging;

namespace CrmInsight.Domain.Alerts;

/// <summary>What starts an evaluation: a new data version (with the areas it changed), the clock moving on, or a rule just saved.</summary>
public sealed record AlertTrigger(DataVersionSnapshot Snapshot, IReadOnlyCollection<string> ChangedAreas, bool ClockTick = false, int? RuleId = null)
{
    public long DataVersion => Snapshot.Version;
}

/// <summary>
/// Evaluates alert rules at a data version: the rules whose KPI reads a changed area (or every
/// rule for a write that touched everything), on a clock tick the rules on KPIs that move with
/// time (freshness), and a saved rule at once. Values come through <see cref="KpiService"/> and
/// the shared cache, so an evaluation costs the queries a page would run, once per version.
/// </summary>
public sealed class AlertEvaluator(AlertStore store, KpiService kpis, QueryRunner runner, PeriodResolver periods, TimeProvider time, ILogger<AlertEvaluator> logger)
{
    /// <summary>The firings and clearings the trigger caused, with the rule as it now stands.</summary>
    public async Task<IReadOnlyList<(AlertRule Rule, AlertEvent Event)>> EvaluateAsync(AlertTrigger trigger, CancellationToken cancellationToken = default)
    {
        var events = new List<(AlertRule, AlertEvent)>();
        foreach (var rule in await store.AllAsync(cancellationToken))
        {
            if (!rule.Enabled || !kpis.Catalog.TryGet(rule.KpiId, out var kpi) || !Affects(trigger, rule, kpi))
            {
                continue;
            }
            try
            {
                var filter = AlertStore.FilterOf(rule);
                var period = periods.Resolve(filter).Period;
                var values = await kpis.GetValuesAsync(filter, rule.Scope, [kpi.Id], period, trigger.Snapshot, cancellationToken);
                var (next, kind) = rule.Evaluate(values[kpi.Id].Value);
                next = next with { EvaluatedVersion = trigger.DataVersion, EvaluatedAt = time.GetUtcNow().UtcDateTime };
                if (await store.RecordAsync(next, kind, trigger.DataVersion, cancellationToken) is { } recorded)
                {
                    events.Add((next, recorded));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One rule that cannot be read (its database away, a member since deleted) must not stop the others.
                logger.LogWarning(ex, "Alert rule {RuleId} ({Name}) could not be evaluated at version {Version}", rule.Id, rule.Name, trigger.DataVersion);
            }
        }
        return events;
    }

    private bool Affects(AlertTrigger trigger, AlertRule rule, KpiDefinition kpi)
    {
        if (trigger.RuleId is { } only)
        {
            return only == rule.Id;
        }
        if (trigger.ClockTick)
        {
            return kpi.ReadsClock;
        }
        // A version this rule has been evaluated at already (a repeated notification) changes nothing.
        if (rule.EvaluatedVersion == trigger.DataVersion)
        {
            return false;
        }
        return trigger.ChangedAreas.Contains(DataAreas.All) || runner.Prepare(kpi.Query).Areas.Any(trigger.ChangedAreas.Contains);
    }
}
