using System.Diagnostics.Metrics;

namespace CrmInsight.Domain.Sql;

/// <summary>
/// Counts SQL executions so tests and benchmarks can check that caching works
/// (one execution per query and data version, however many viewers).
/// </summary>
public sealed class QueryMetrics : IDisposable
{
    public const string MeterName = "CrmInsight.Queries";

    /// <summary>The counter of SQL statements sent, tagged with the query's name.</summary>
    public const string ExecutedCounterName = "crminsight.queries.executed";

    private readonly Meter _meter;
    private readonly Counter<long> _executed;
    private readonly Histogram<double> _duration;
    private long _total;

    public QueryMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _executed = _meter.CreateCounter<long>(ExecutedCounterName, unit: "{query}", description: "SQL statements sent to the database.");
        _duration = _meter.CreateHistogram<double>("crminsight.queries.duration", unit: "ms", description: "Time the database took per query.");
    }

    /// <summary>Executions since start, all queries together.</summary>
    public long TotalExecuted => Interlocked.Read(ref _total);

    internal void Record(string queryName, double milliseconds)
    {
        Interlocked.Increment(ref _total);
        var tag = new KeyValuePair<string, object?>("query", queryName);
        _executed.Add(1, tag);
        _duration.Record(milliseconds, tag);
    }

    public void Dispose() => _meter.Dispose();
}
