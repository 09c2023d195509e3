using CrmInsight.Domain;
using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.DataHealth;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.Demo;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using CrmInsight.Web.Alerts;
using CrmInsight.Web.Api;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using CrmInsight.Web.Formatting;
using CrmInsight.Web.Live;
using CrmInsight.Web.Security;
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
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>, IngestOptionsValidator>();
        services.AddOptions<CsvLimits>().Bind(configuration.GetSection(CsvLimits.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CsvLimits>, CsvLimitsValidator>();
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HostingOptions>, HostingOptionsValidator>();
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExportOptions>, ExportOptionsValidator>();
        services.AddOptions<WallOptions>().Bind(configuration.GetSection(WallOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WallOptions>, WallOptionsValidator>();
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.Section)).ValidateOnStart();
        // Between polls the monitor's version is the current one (two polls of slack).
        services.AddOptions<DataVersionOptions>().Configure<IOptions<LiveOptions>>((version, live) =>
        {
            version.FreshFor = live.Value.PollInterval * 2;
            version.StaleAfter = live.Value.StaleAfter;
        });
        services.AddSingleton<IValidateOptions<LiveOptions>, LiveOptionsValidator>();
        services.AddOptions<TargetsOptions>().Bind(configuration.GetSection(TargetsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TargetsOptions>, TargetsOptionsValidator>();
        services.AddOptions<ScorecardOptions>().Bind(configuration.GetSection(ScorecardOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScorecardOptions>, ScorecardOptionsValidator>();
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>();
        return services;
    }

    public static WebApplicationBuilder AddCrmInsight(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCrmInsightOptions(builder.Configuration);
        services.AddCrmInsightDomain(sp => OpenDatabase(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddCrmInsightAuth(builder.Configuration);

        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<DatabaseInitializer>();
        // One monitor per process: the timer and the fan-out to circuits over Domain's tracker.
        services.AddSingleton<DataChangeMonitor>();
        services.AddSingleton<LiveRetry>();
        services.AddHostedService(sp => sp.GetRequiredService<DataChangeMonitor>());
        services.AddHostedService<DefaultViewWarmup>();
        services.AddSingleton<SimulatorService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulatorService>());
        services.AddAlerts();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddScoped<FilterNavigator>();
        services.AddSingleton<KpiFormatter>();
        services.AddErrorAnswers();
        services.AddExportRateLimit();
        return builder;
    }

    /// <summary>
    /// Alert evaluation on data changes and the webhooks: POSTs retried with exponential backoff
    /// and jitter by the resilience handler (Polly), each attempt time-limited.
    /// </summary>
    private static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddSingleton<AlertWebhookSender>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertWebhookSender>());
        services.AddSingleton<AlertMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        services.AddHttpClient(AlertWebhookSender.ClientName)
            .AddResilienceHandler(AlertWebhookSender.ClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AlertOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.WebhookRetries,
                    Delay = options.WebhookRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                });
                pipeline.AddTimeout(options.WebhookTimeout);
            });
        return services;
    }

    /// <summary>The configured database; a relative DuckDB path is under the content root.</summary>
    public static ICrmDatabase OpenDatabase(StorageOptions options, string contentRoot) => options.Provider switch
    {
        StorageProvider.SqlServer => new SqlServerDatabase(options.SqlServerConnectionString!, options.CommandTimeoutSeconds),
        _ => new DuckDbDatabase(
            Path.IsPathRooted(options.DuckDbPath) ? options.DuckDbPath : Path.Combine(contentRoot, options.DuckDbPath),
            options.DuckDbMemoryLimit,
            options.DuckDbThreads,
            options.CommandTimeoutSeconds,
            minFreeDiskBytes: options.MinFreeDiskBytes),
    };
}
