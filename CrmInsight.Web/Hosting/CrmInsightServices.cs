using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain.Tables;
using CrmInsight.Web.Formatting;
using CrmInsight.Web.State;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace CrmInsight.Web.Hosting;

public static class CrmInsightServices
{
    /// <summary>Options bound from configuration and validated at start: a bad setting stops the app with a clear message.</summary>
    public static IServiceCollection AddCrmInsightOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .Configure(o => o.SqlServerConnectionString ??= configuration.GetConnectionString("SqlServer"))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoOptions>, DemoOptionsValidator>();
        services.AddOptions<QueryCacheOptions>().Bind(configuration.GetSection(QueryCacheOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueryCacheOptions>, QueryCacheOptionsValidator>();
        services.AddOptions<DisplayOptions>().Bind(configuration.GetSection(DisplayOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DisplayOptions>, DisplayOptionsValidator>();
        return services;
    }

    /// <summary>Storage and the Domain services: one database, one cache and one set of services per process.</summary>
    public static IServiceCollection AddCrmInsightDomain(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICrmDatabase>(sp => OpenDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(SqlCatalog.Default);
        services.AddSingleton<QueryMetrics>();
        services.AddSingleton<QueryRunner>();
        services.AddSingleton<QueryCache>();
        services.AddSingleton<DataVersionStore>();
        services.AddSingleton<IDataVersionSource, StoredDataVersionSource>();
        services.AddSingleton<PeriodResolver>();
        services.AddSingleton<KpiCatalog>();
        services.AddSingleton<KpiService>();
        services.AddSingleton<DimensionService>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<ContributionService>();
        services.AddSingleton<TableService>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<CrmInsight.Domain.Satisfaction.SatisfactionService>();
        services.AddSingleton<CrmInsight.Domain.Marketing.MarketingService>();
        return services;
    }

    public static WebApplicationBuilder AddCrmInsight(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCrmInsightOptions(builder.Configuration);
        services.AddCrmInsightDomain();

        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<FilterNavigator>();
        services.AddSingleton<KpiFormatter>();
        services.AddProblemDetails();
        return builder;
    }

    /// <summary>The configured database; a relative DuckDB path is under the content root.</summary>
    public static ICrmDatabase OpenDatabase(StorageOptions options, string contentRoot) => options.Provider switch
    {
        StorageProvider.SqlServer => new SqlServerDatabase(options.SqlServerConnectionString!, options.CommandTimeoutSeconds),
        _ => new DuckDbDatabase(
            Path.IsPathRooted(options.DuckDbPath) ? options.DuckDbPath : Path.Combine(contentRoot, options.DuckDbPath),
            options.DuckDbMemoryLimit,
            options.DuckDbThreads,
            options.CommandTimeoutSeconds),
    };
}
