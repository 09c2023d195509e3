using System.Diagnostics.Metrics;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Benchmarks;

/// <summary>
/// The time each catalog query took, summed per query name, read from the runner's
/// <see cref="QueryMetrics"/> meter: what the timings print under a page's total.
/// </summary>
internal sealed class QueryDurations : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, (double Ms, int Count)> _durations = [];

    public QueryDurations()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == QueryMetrics.MeterName && instrument.Name == "crminsight.queries.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, ms, tags, _) =>
        {
            var name = tags[0].Value as string ?? "?";
            lock (_durations)
            {
                var (total, count) = _durations.GetValueOrDefault(name);
                _durations[name] = (total + ms, count + 1);
            }
        });
        _listener.Start();
    }

    public void Clear()
    {
        lock (_durations)
        {
            _durations.Clear();
        }
    }

    /// <summary>Each query's total milliseconds and executions since <see cref="Clear"/>.</summary>
    public List<(string Query, double Ms, int Count)> Totals()
    {
        lock (_durations)
        {
            return [.. _durations.Select(d => (d.Key, d.Value.Ms, d.Value.Count))];
        }
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    public void Dispose() => _listener.Dispose();
}
