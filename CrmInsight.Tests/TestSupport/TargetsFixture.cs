namespace CrmInsight.Tests.TestSupport;

/// <summary><see cref="TargetsDataset"/> in a database of its own, shared by a test class.</summary>
public sealed class TargetsFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync(TargetsDataset.Now);
        await Db.ExecuteAsync(TargetsDataset.Sql);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
