using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmInsight.Tests.Web.Security;

/// <summary>The app for the attack tests: sign-ins re-checked every second, so a sign-out or a disabled account shows at once.</summary>
public sealed class AttackServer : CrmInsightServer
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Auth:RevalidationInterval", "00:00:01");
    }

    /// <summary>Reads the app's own database with SQL written in the test (the independent side of a comparison).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await Services.GetRequiredService<ICrmDatabase>().OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<T>(sql) ?? throw new InvalidOperationException("no value: " + sql);
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(string sql)
    {
        await using var connection = await Services.GetRequiredService<ICrmDatabase>().OpenConnectionAsync();
        return [.. await connection.QueryAsync<T>(sql)];
    }
}
