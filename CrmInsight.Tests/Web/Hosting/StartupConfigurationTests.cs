using System.Net;
using System.Text.Json;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;
using CrmInsight.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmInsight.Tests.Web.Hosting;

public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task An_empty_start_creates_the_schema_without_demo_data()
    {
        await using var server = new EmptyServer();
        using var client = await server.CreateClientAsync(TestUsers.Admin);

        using var body = JsonDocument.Parse(await client.GetStringAsync("/api/kpis?ids=revenue,csat,retention_rate"));
        var kpis = body.RootElement.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!, k => k.GetProperty("value"));

        Assert.Equal(0m, kpis["revenue"].GetDecimal());
        Assert.Equal(JsonValueKind.Null, kpis["csat"].ValueKind); // no surveys: undefined, not 0
        Assert.Equal(JsonValueKind.Null, kpis["retention_rate"].ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public void A_bad_setting_stops_the_app_with_a_message_naming_it()
    {
        using var server = new MisconfiguredServer();

        var error = Assert.ThrowsAny<OptionsValidationException>(() => server.CreateClient());

        Assert.Contains("ConnectionStrings:SqlServer must be set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_thresholds_are_bound_from_configuration_and_checked()
    {
        static IOptions<CrmInsight.Domain.Targets.TargetsOptions> Options(params (string Key, string Value)[] settings)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
                .Build();
            return new ServiceCollection()
                .AddCrmInsightOptions(configuration)
                .BuildServiceProvider()
                .GetRequiredService<IOptions<CrmInsight.Domain.Targets.TargetsOptions>>();
        }

        Assert.Equal(1.10m, Options(("Targets:AheadFrom", "1.10")).Value.AheadFrom);
        var error = Assert.Throws<OptionsValidationException>(() => Options(("Targets:AtRiskFrom", "1.2")).Value);
        Assert.Contains("Targets:OnTrackFrom", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DuckDb", "data/x.duckdb", null, true)]
    [InlineData("DuckDb", "", null, false)]
    [InlineData("SqlServer", "data/x.duckdb", null, false)]
    [InlineData("SqlServer", "data/x.duckdb", "Server=.;Database=crm", true)]
    public void Storage_settings_are_validated(string provider, string path, string? connectionString, bool valid)
    {
        var options = new StorageOptions { Provider = Enum.Parse<StorageProvider>(provider), DuckDbPath = path, SqlServerConnectionString = connectionString };

        Assert.Equal(valid, new StorageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(0, false)]
    [InlineData(65, false)]
    public void The_number_of_queries_run_at_once_is_validated(int concurrent, bool valid)
    {
        var result = new QueryCacheOptionsValidator().Validate(null, new QueryCacheOptions { MaxConcurrentQueries = concurrent });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("QueryCache:MaxConcurrentQueries", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_provider_is_chosen_by_configuration()
    {
        await using var sqlServer = CrmInsightServices.OpenDatabase(
            new StorageOptions { Provider = StorageProvider.SqlServer, SqlServerConnectionString = "Server=db1;Database=crm;Integrated Security=true" }, "/srv");
        await using var duck = CrmInsightServices.OpenDatabase(new StorageOptions { DuckDbPath = "data/crm.duckdb" }, "/srv/app");

        Assert.Equal(SqlDialect.SqlServer, sqlServer.Dialect);
        Assert.Equal("SQL Server db1/crm", sqlServer.Description);
        Assert.Equal("/srv/app/data/crm.duckdb", Assert.IsType<DuckDbDatabase>(duck).FilePath);
    }

    private sealed class EmptyServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Demo:Enabled", "false");
        }
    }

    private sealed class MisconfiguredServer : CrmInsightServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Provider", "SqlServer");
        }
    }
}
