using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmInsight.Domain.Queries;

public static class QueryCacheRegistration
{
    /// <summary>The HybridCache behind <see cref="QueryCache"/>, sized by <see cref="QueryCacheOptions"/>.</summary>
    public static IServiceCollection AddQueryCache(this IServiceCollection services)
    {
        services.AddHybridCache();
        services.AddOptions<HybridCacheOptions>().Configure<IOptions<QueryCacheOptions>>((hybrid, query) =>
        {
            hybrid.MaximumKeyLength = query.Value.MaxKeyLength;
            hybrid.DefaultEntryOptions = new HybridCacheEntryOptions { Expiration = query.Value.Expiration, LocalCacheExpiration = query.Value.Expiration };
        });
        services.AddSingleton<QueryCache>();
        return services;
    }

    /// <summary>A HybridCache of its own, for tools and tests that run the Domain without a host.</summary>
    public static HybridCache CreateStandalone(QueryCacheOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(options ?? new QueryCacheOptions()));
        AddQueryCache(services);
        return services.BuildServiceProvider().GetRequiredService<HybridCache>();
    }
}
