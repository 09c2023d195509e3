namespace CrmInsight.Tests.TestSupport;

/// <summary>
/// One database per test class, filled once (<c>IClassFixture&lt;T&gt;</c>), for classes whose tests
/// only read it: a test that writes, moves the clock or counts queries makes its own
/// <see cref="TestDatabase"/> instead. Results are cached per data version, so tests after the
/// first that ask the same question read the cache, as the product does.
/// </summary>
public abstract class SeededDatabase : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    /// <summary>Fills the empty database (through the product's writes: SQL with a version bump, or imports).</summary>
    protected abstract Task SeedAsync(TestDatabase db);

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        await SeedAsync(Db);
    }

    public async Task DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }
}

/// <summary><see cref="GoldenDataset"/>, once per class.</summary>
public sealed class GoldenDatabase : SeededDatabase
{
    protected override Task SeedAsync(TestDatabase db) => db.ExecuteAsync(GoldenDataset.Sql);
}

/// <summary><see cref="ServiceMarketingDataset"/>, once per class.</summary>
public sealed class ServiceMarketingDatabase : SeededDatabase
{
    protected override Task SeedAsync(TestDatabase db) => db.ExecuteAsync(ServiceMarketingDataset.Sql);
}
