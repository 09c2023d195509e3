using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// A DuckDB file in a fresh temporary folder with the schema installed, and the services the
/// product builds on it (<see cref="DomainServices.AddCrmInsightDomain"/>, as every host), with a
/// fake clock. The one place tests wire the Domain: a test that needs another setting or a
/// stand-in passes <c>configure</c>; every service comes from <see cref="Get{T}"/>.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private readonly ServiceProvider _services;

    private TestDatabase(string folder, DuckDbDatabase database, FakeTimeProvider time, Action<IServiceCollection>? configure)
    {
        _folder = folder;
        Database = database;
        Time = time;
        // The Domain as every host registers it, on this file and this clock (then the test's own settings).
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddCrmInsightDomain(_ => database);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        Metrics = _services.GetRequiredService<QueryMetrics>();
        Runner = _services.GetRequiredService<QueryRunner>();
        Versions = _services.GetRequiredService<DataVersionStore>();
        Aggregates = _services.GetRequiredService<CrmInsight.Domain.Aggregates.PreAggregates>();
        VersionSource = _services.GetRequiredService<DataVersionTracker>();
        Cache = _services.GetRequiredService<QueryCache>();
        Periods = _services.GetRequiredService<PeriodResolver>();
        Kpis = _services.GetRequiredService<KpiService>();
        Dimensions = _services.GetRequiredService<DimensionService>();
        Contribution = _services.GetRequiredService<CrmInsight.Domain.Contribution.ContributionService>();
    }

    /// <summary>Any Domain service, as the hosts get it.</summary>
    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public CrmInsight.Domain.Contribution.ContributionService Contribution { get; }

    public CrmInsight.Domain.Retention.RetentionService Retention => Get<CrmInsight.Domain.Retention.RetentionService>();

    public CrmInsight.Domain.Tables.TableService Tables => Get<CrmInsight.Domain.Tables.TableService>();

    public CrmInsight.Domain.Customers.CustomerService Customers => Get<CrmInsight.Domain.Customers.CustomerService>();

    public CrmInsight.Domain.Targets.TargetsService Targets => Get<CrmInsight.Domain.Targets.TargetsService>();

    public DuckDbDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public QueryMetrics Metrics { get; }

    public QueryRunner Runner { get; }

    public QueryCache Cache { get; }

    public DataVersionStore Versions { get; }

    public CrmInsight.Domain.Aggregates.PreAggregates Aggregates { get; }

    public DataVersionTracker VersionSource { get; }

    public PeriodResolver Periods { get; }

    public KpiService Kpis { get; }

    public DimensionService Dimensions { get; }

    public string FilePath => Database.FilePath;

    /// <summary>An empty database (schema only); the clock reads <paramref name="now"/> (UTC, local zone UTC).</summary>
    /// <param name="configure">Registrations after the Domain's (options, a stand-in database …).</param>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null, Action<IServiceCollection>? configure = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 4, 15, 12, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var database = new DuckDbDatabase(Path.Combine(folder, "test.duckdb"), memoryLimit: "1GB", threads: 2, createIfMissing: true);
        await SchemaInstaller.InstallAsync(database, SqlCatalog.Default);
        return new TestDatabase(folder, database, time, configure);
    }

    /// <summary>Runs test-data SQL, rebuilds the pre-aggregates and bumps the data version, as every product write does.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
        await Aggregates.RebuildAsync(connection, null);
        await Versions.BumpAsync(connection, null);
        await SequenceSync.SyncAsync(connection); // the test's rows carry their own ids, as a bulk load does
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("No value.");
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
