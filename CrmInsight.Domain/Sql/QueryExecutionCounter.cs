using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
namespace CrmInsight.Domain.Sql;

/// <summary>
/// Reads the app's <c>crminsight.queries.executed</c> counter the way an operator's metrics
/// pipeline would: through a MeterListener, per query name, for one host's meter only (tests
/// run several servers in one process). For tests and the benchmarks.
/// </summary>
public sealed class QueryExecutionCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <param name="hostMeters">The host's meter factory, whose QueryMetrics meter is counted.</param>
    public QueryExecutionCounter(IMeterFactory hostMeters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == QueryMetrics.MeterName && instrument.Name == "crminsight.queries.executed" && ReferenceEquals(instrument.Meter.Scope, hostMeters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "query" && tag.Value is string name)
                {
                    _counts.AddOrUpdate(name, value, (_, v) => v + value);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>
    /// Executions of the queries that feed screens (not the version polls, keys, writes, or the
    /// alert monitor's own reads of its rules: once per data version and clock tick however many
    /// screens are open, at moments of its own).
    /// </summary>
    public IReadOnlyDictionary<string, long> ScreenQueries() =>
        _counts.Where(kv => !NotForScreens.Any(prefix => kv.Key.StartsWith(prefix, StringComparison.Ordinal)))
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    private static readonly string[] NotForScreens = ["system/", "keys/", "ingest/", "alerts/"];

    public void Reset() => _counts.Clear();

    public void Dispose() => _listener.Dispose();
}
