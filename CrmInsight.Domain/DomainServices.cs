using CrmInsight.Domain.Aggregates;
using CrmInsight.Domain.Alerts;
using CrmInsight.Domain.Contribution;
using CrmInsight.Domain.Customers;
using CrmInsight.Domain.DataHealth;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Marketing;
using CrmInsight.Domain.Overview;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Retention;
using CrmInsight.Domain.Satisfaction;
using CrmInsight.Domain.Scorecards;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Storage;
using CrmInsight.Domain.Tables;
using CrmInsight.Domain.Targets;
using CrmInsight.Domain.Views;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CrmInsight.Domain;

public static class DomainServices
{
    /// <summary>
    /// The Domain's services, registered once for every host — the web app, the command line,
    /// the benchmark and the tests: one database, one cache, one data-version tracker and one
    /// set of services per container. A host adds its own services beside these (one line each).
    /// </summary>
    public static IServiceCollection AddCrmInsightDomain(this IServiceCollection services, Func<IServiceProvider, ICrmDatabase> database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(SqlCatalog.Default);
        services.AddSingleton<QueryMetrics>();
        services.AddSingleton<QueryRunner>();
        services.AddQueryCache();
        services.AddSingleton<DataVersionStore>();
        services.AddSingleton<DataVersionTracker>();
        services.AddSingleton<IDataVersionSource>(sp => sp.GetRequiredService<DataVersionTracker>());
        services.AddSingleton<PreAggregates>();
        services.AddSingleton<PeriodResolver>();
        services.AddSingleton<KpiCatalog>();
        services.AddSingleton<KpiService>();
        services.AddSingleton<DimensionService>();
        services.AddSingleton<OverviewService>();
        services.AddSingleton<ContributionService>();
        services.AddSingleton<TableService>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<RetentionService>();
        services.AddSingleton<SatisfactionService>();
        services.AddSingleton<MarketingService>();
        services.AddSingleton<TargetsService>();
        services.AddSingleton<PageViews>();
        services.AddSingleton<DefaultViewWarmer>();
        // The gate's wait limit (Storage:WriteWaitTimeout) where a host binds the storage options.
        services.AddSingleton(sp => new WriteGate(sp.GetService<IOptions<StorageOptions>>()?.Value.WriteWaitTimeout));
        services.AddSingleton<IngestService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AccessKeyStore>();
        services.AddSingleton<UserAccountStore>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ScorecardStore>();
        // The default scorecard's thresholds colour the tiles KpiService computes, wherever they show.
        services.AddSingleton<IKpiStatusRules>(sp => sp.GetRequiredService<ScorecardStore>());
        services.AddSingleton<ScorecardService>();
        services.AddSingleton<DataHealthService>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertEvaluator>();
        return services;
    }
}
