using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using Dapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmInsight.Tests.TestSupport;

/// <summary>A DuckDB file in a fresh temporary folder with the schema installed, and the
/// services the product builds on it, with a fake clock.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private TestDatabase(string folder, DuckDbDatabase database, FakeTimeProvider time)
    {
        _folder = folder;
        Database = database;
        Time = time;
        Metrics = new QueryMetrics();
        Runner = new QueryRunner(database, SqlCatalog.Default, Metrics);
        Versions = new DataVersionStore(Runner, time);
        VersionSource = new StoredDataVersionSource(Versions);
        Cache = new QueryCache(Runner, QueryCacheRegistration.CreateStandalone(), VersionSource, Options.Create(new QueryCacheOptions()));
        Periods = new PeriodResolver(time);
        Kpis = new KpiService(new KpiCatalog(), Cache, Periods, VersionSource);
        Dimensions = new DimensionService(Cache, VersionSource);
        Contribution = new CrmInsight.Domain.Contribution.ContributionService(Kpis, Cache, Periods, VersionSource);
    }

    public CrmInsight.Domain.Contribution.ContributionService Contribution { get; }

    public CrmInsight.Domain.Retention.RetentionService Retention => new(Kpis, Cache, Periods, VersionSource);

    public CrmInsight.Domain.Tables.TableService Tables => new(Cache, Runner, Periods, VersionSource);

    public CrmInsight.Domain.Customers.CustomerService Customers => new(Cache, Periods, VersionSource);

    public CrmInsight.Domain.Targets.TargetsService Targets => new(Kpis, Cache, Periods, VersionSource, Options.Create(new CrmInsight.Domain.Targets.TargetsOptions()));

    public DuckDbDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public QueryMetrics Metrics { get; }

    public QueryRunner Runner { get; }

    public QueryCache Cache { get; }

    public DataVersionStore Versions { get; }

    public StoredDataVersionSource VersionSource { get; }

    public PeriodResolver Periods { get; }

    public KpiService Kpis { get; }

    public DimensionService Dimensions { get; }

    public string FilePath => Database.FilePath;

    /// <summary>An empty database (schema only); the clock reads <paramref name="now"/> (UTC, local zone UTC).</summary>
    public static async Task<TestDatabase> CreateAsync(DateTimeOffset? now = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crminsight-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var time = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 4, 15, 12, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        var database = new DuckDbDatabase(Path.Combine(folder, "test.duckdb"), memoryLimit: "1GB", threads: 2);
        await SchemaInstaller.InstallAsync(database, SqlCatalog.Default);
        return new TestDatabase(folder, database, time);
    }

    /// <summary>Runs test-data SQL and bumps the data version, as every product write does.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await connection.ExecuteAsync(sql);
        await Versions.BumpAsync(connection, null);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("No value.");
    }

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        await Database.DisposeAsync();
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
