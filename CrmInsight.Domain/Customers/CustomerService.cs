using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Queries;
using CrmInsight.Domain.Security;

namespace CrmInsight.Domain.Customers;

/// <summary>Reads one customer for the 360° page, within the caller's scope.</summary>
public sealed class CustomerService(QueryCache cache, PeriodResolver periods, IDataVersionSource versions)
{
    /// <summary>Whether the customer exists and the scope owns it (docs/KPIS.md, Ownership).</summary>
    public async Task<bool> IsVisibleAsync(long customerId, DataScope scope, CancellationToken cancellationToken = default)
    {
        var version = await versions.GetCurrentAsync(cancellationToken);
        var args = QueryArgs.For(DashboardFilter.Default, scope).With("customer_id", customerId);
        return (await cache.GetRowsAsync("customer/profile", args, version, cancellationToken)).Count > 0;
    }

    /// <returns>null when there is no such customer in the caller's scope.</returns>
    public async Task<CustomerView?> GetAsync(long customerId, DashboardFilter filter, DataScope scope, CancellationToken cancellationToken = default)
    {
        var version = await versions.GetCurrentAsync(cancellationToken);
        var resolved = periods.Resolve(filter);
        var args = QueryArgs.For(filter, scope).With("customer_id", customerId);
        var profile = await cache.GetRowsAsync("customer/profile", args, version, cancellationToken);
        if (profile.Count == 0)
        {
            return null;
        }
        var sales = await cache.GetRowsAsync("customer/summary", args.Window(resolved.Period, resolved.Comparison), version, cancellationToken);
        var before = await cache.GetRowsAsync("customer/summary", args.Window(resolved.Comparison, resolved.ComparisonOfComparison), version, cancellationToken);
        var history = await cache.GetRowsAsync("customer/history", args, version, cancellationToken);
        return new CustomerView(profile[0], CustomerSales.From(sales.Count > 0 ? sales[0] : null), CustomerSales.From(before.Count > 0 ? before[0] : null), history, resolved);
    }
}
