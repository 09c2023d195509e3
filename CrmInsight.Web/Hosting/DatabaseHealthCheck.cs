using CrmInsight.Domain.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmInsight.Web.Hosting;

/// <summary>Healthy once the database is ready and still answers (a read of the data version).</summary>
public sealed class DatabaseHealthCheck(DatabaseReadiness readiness, DataVersionStore versions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy(readiness.Message);
        }
        try
        {
            var version = await versions.ReadAsync(cancellationToken);
            return HealthCheckResult.Healthy($"Data version {version}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
