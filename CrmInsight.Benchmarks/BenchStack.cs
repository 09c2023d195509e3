using System.Diagnostics;
using System.Diagnostics.Metrics;
using CrmInsight.Domain;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Benchmarks;

/// <summary>
/// The Domain on one database file as every host registers it (AddCrmInsightDomain), with the
/// per-query durations of the last measurement and a way to empty the result cache.
/// </summary>
internal sealed class BenchStack : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, (double Ms, int Count)> _durations = [];

    private BenchStack(ServiceProvider services)
    {
        _services = services;
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

    /// <summary>QueryCache:MaxConcurrentQueries for this run (--concurrency); null keeps the default.</summary>
    public static int? MaxConcurrentQueries { get; set; }

    /// <summary>DuckDB's worker threads for this run (--threads); 0 keeps DuckDB's default (one per core).</summary>
    public static int Threads { get; set; }

    /// <summary>
    /// DuckDB's memory cap for this run (--memory-limit): by default the dashboard's own
    /// (Storage:DuckDbMemoryLimit), so the peak working set printed is the one a server would see.
    /// </summary>
    public static string MemoryLimit { get; set; } = new StorageOptions().DuckDbMemoryLimit;

    public static async Task<BenchStack> OpenAsync(string path, string? memoryLimit = null)
    {
        var collection = new ServiceCollection().AddCrmInsightDomain(_ => new DuckDbDatabase(path, memoryLimit ?? MemoryLimit, Threads));
        if (MaxConcurrentQueries is { } concurrent)
        {
            collection.Configure<QueryCacheOptions>(o => o.MaxConcurrentQueries = concurrent);
        }
        var services = collection.BuildServiceProvider();
        var database = services.GetRequiredService<ICrmDatabase>();
        await SchemaInstaller.InstallAsync(database, SqlCatalog.Default);
        await services.GetRequiredService<CrmInsight.Domain.Aggregates.PreAggregates>().EnsureBuiltAsync(database);
        return new BenchStack(services);
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public long Executed => Get<QueryMetrics>().TotalExecuted;

    /// <summary>Drops every cached result (what a new filter or a new data version costs next).</summary>
    public Task ResetCacheAsync() => Get<QueryCache>().InvalidateAsync([DataAreas.All]);

    /// <summary>
    /// Runs <paramref name="work"/> and returns its wall time, the process's processor time over it
    /// (every thread's, DuckDB's workers included: the figure that holds on a machine shared with
    /// other work, where wall time mostly measures the queue for the cores), the queries it
    /// executed and their summed durations.
    /// </summary>
    public async Task<(double Ms, double CpuMs, long Queries, List<(string Query, double Ms, int Count)> PerQuery)> TimeAsync(Func<Task> work)
    {
        lock (_durations)
        {
            _durations.Clear();
        }
        var before = Executed;
        var cpu = ProcessorMs();
        var started = Stopwatch.GetTimestamp();
        await work();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var cpuMs = ProcessorMs() - cpu;
        lock (_durations)
        {
            return (elapsed, cpuMs, Executed - before, [.. _durations.Select(d => (d.Key, d.Value.Ms, d.Value.Count))]);
        }
    }

    internal static double ProcessorMs()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _services.DisposeAsync();
    }
}
