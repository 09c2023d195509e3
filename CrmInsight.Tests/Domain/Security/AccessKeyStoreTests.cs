using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Security;

public sealed class AccessKeyStoreTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AccessKeyStore _keys = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _keys = new AccessKeyStore(_db.Database, _db.Runner, _db.Time, new AuditLog(_db.Database, _db.Runner, _db.Time));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Only_the_hash_is_stored()
    {
        var created = await _keys.CreateAsync(AccessKeyKind.Api, "shop", IdSet.Empty, "tests");

        Assert.StartsWith("cik_api_", created.Secret, StringComparison.Ordinal);
        Assert.True(created.Secret.Length > 40);
        Assert.Equal(0, await _db.ScalarAsync<long>($"SELECT COUNT(*) FROM app_key WHERE key_hash = '{created.Secret}' OR name = '{created.Secret}'"));
        Assert.Equal(AccessKeyStore.Hash(created.Secret), await _db.ScalarAsync<string>("SELECT key_hash FROM app_key"));
    }

    [Fact]
    public async Task A_key_opens_only_its_kind_until_revoked()
    {
        var api = await _keys.CreateAsync(AccessKeyKind.Api, "shop", IdSet.Empty, "tests");
        var display = await _keys.CreateAsync(AccessKeyKind.Display, "lobby", IdSet.Empty, "tests");

        Assert.NotNull(await _keys.VerifyAsync(api.Secret, AccessKeyKind.Api));
        Assert.Null(await _keys.VerifyAsync(api.Secret, AccessKeyKind.Display));
        Assert.Null(await _keys.VerifyAsync(display.Secret, AccessKeyKind.Api));
        Assert.Null(await _keys.VerifyAsync(api.Secret + "x", AccessKeyKind.Api));

        Assert.True(await _keys.RevokeAsync(api.Key.Id, "tests"));
        Assert.False(await _keys.RevokeAsync(api.Key.Id, "tests")); // already revoked

        Assert.Null(await _keys.VerifyAsync(api.Secret, AccessKeyKind.Api));
        Assert.False(await _keys.IsActiveAsync(api.Key.Id));
        Assert.True(await _keys.IsActiveAsync(display.Key.Id));
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        var created = await _keys.CreateAsync(AccessKeyKind.Display, "lobby", IdSet.Empty, "tests");
        await _keys.VerifyAsync(created.Secret, AccessKeyKind.Display);
        var first = (await _keys.ListAsync())[0].LastUsedAt;

        _db.Time.Advance(TimeSpan.FromSeconds(30));
        await _keys.VerifyAsync(created.Secret, AccessKeyKind.Display);
        var second = (await _keys.ListAsync())[0].LastUsedAt;
        _db.Time.Advance(TimeSpan.FromSeconds(31));
        await _keys.VerifyAsync(created.Secret, AccessKeyKind.Display);
        var third = (await _keys.ListAsync())[0].LastUsedAt;

        Assert.NotNull(first);
        Assert.Equal(first, second);
        Assert.Equal(first!.Value.AddSeconds(61), third);
    }
}
