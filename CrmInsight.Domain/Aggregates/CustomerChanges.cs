namespace CrmInsight.Domain.Aggregates;

/// <summary>
/// What a write did to orders, as far as the pre-aggregates care: the customers whose orders
/// were inserted or removed, the earliest order date among them, and every day an order (a
/// customer's or anonymous) was written or removed on.
/// </summary>
public sealed class CustomerChanges
{
    private readonly HashSet<long> _customers = [];

    public IReadOnlyCollection<long> CustomerIds => _customers;

    public DateOnly? From { get; private set; }

    /// <summary>The days the orders fall in (agg_sale_day is refreshed for these; the write records them for the cache).</summary>
    public SortedSet<DateOnly> Days { get; } = [];

    public bool IsEmpty => _customers.Count == 0;

    /// <summary>An order of <paramref name="customerId"/> (null: anonymous) dated <paramref name="date"/> was written or removed.</summary>
    public void Add(long? customerId, DateOnly date)
    {
        Days.Add(date);
        if (customerId is not { } id)
        {
            return;
        }
        _customers.Add(id);
        if (From is null || date < From)
        {
            From = date;
        }
    }
}
