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

    [Fact]
    public async Task A_read_key_limited_to_teams_carries_them_and_a_key_for_a_missing_team_is_refused()
    {
        await _db.ExecuteAsync("INSERT INTO dim_region VALUES (1, 'North'); INSERT INTO dim_team VALUES (1, 'North team', 1), (2, 'South team', 1);");

        var read = await _keys.CreateAsync(AccessKeyKind.Read, "bi tool", IdSet.Of(2, 1), "admin");
        var all = await _keys.CreateAsync(AccessKeyKind.Read, "finance", IdSet.Empty, "admin");

        Assert.StartsWith("cik_read_", read.Secret, StringComparison.Ordinal);
        var verified = await _keys.VerifyAnyAsync(read.Secret);
        Assert.Equal((AccessKeyKind.Read, IdSet.Of(1, 2)), (verified!.Kind, verified.Teams));
        Assert.Equal(DataScope.ForTeams(IdSet.Of(1, 2)), verified.Scope);
        Assert.Equal(DataScope.All, (await _keys.VerifyAnyAsync(all.Secret))!.Scope);
        Assert.Null(await _keys.VerifyAsync(read.Secret, AccessKeyKind.Api));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _keys.CreateAsync(AccessKeyKind.Read, "typo", IdSet.Of(7), "admin"));
        Assert.Contains("There is no team 7", error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM app_key"));
    }

    [Fact]
    public async Task Creating_and_revoking_a_key_is_audited()
    {
        var created = await _keys.CreateAsync(AccessKeyKind.Display, "lobby", IdSet.Empty, "mei");
        await _keys.RevokeAsync(created.Key.Id, "mei");

        var (entries, total) = await new AuditLog(_db.Database, _db.Runner, _db.Time).ListAsync(0, 10);

        Assert.Equal(2, total);
        Assert.Equal([AuditActions.KeyRevoked, AuditActions.KeyCreated], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("mei", e.Actor));
        Assert.Equal("display key, all teams", entries[1].Detail);
    }
}
