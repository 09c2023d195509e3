using System.Numerics;
using CrmInsight.Domain.Sql;

namespace CrmInsight.Domain.Queries;

/// <summary>
/// The cut of an additive query's window (<see cref="SqlQuery.AdditiveDirective"/>) at today, and
/// the sum of the two halves' rows. A write dated today changes only the second half, so the days
/// before it stay cached and a wall's recompute after an ingest scans today, not the whole window.
/// </summary>
public static class AdditiveSplit
{
    /// <summary>
    /// Where the scan of <paramref name="args"/>' window is cut: at <c>@today</c>, when the window
    /// contains today and starts before it — the windows that today's writes change (a write that
    /// names its days leaves results over earlier dates cached: <see cref="Storage.DataChange.Days"/>).
    /// Null: no cut — not additive, no <c>@today</c>, a window that ends before today or starts on it.
    /// </summary>
    public static DateOnly? CutFor(SqlQuery query, SqlArgs args)
    {
        if (!query.IsAdditive
            || !args.TryGet("date_from", out var fromValue) || fromValue is not DateOnly from
            || !args.TryGet("date_to", out var toValue) || toValue is not DateOnly to
            || !args.TryGet("today", out var todayValue) || todayValue is not DateOnly today)
        {
            return null;
        }
        return from < today && today < to ? today : null;
    }

    /// <summary>
    /// The rows of the whole window from the rows of its two halves: per bucket (in bucket order),
    /// each numeric column summed (a flag column, <see cref="FlagPrefix"/>, the larger of the two); a
    /// bucket only one half has is taken as it is. Any other column must agree between the halves,
    /// or the query was not additive.
    /// </summary>
    /// <exception cref="InvalidOperationException">A non-numeric column differs between the halves.</exception>
    public static IReadOnlyList<SqlRow> Sum(string queryName, IReadOnlyList<SqlRow> first, IReadOnlyList<SqlRow> second)
    {
        if (second.Count == 0)
        {
            return first;
        }
        if (first.Count == 0)
        {
            return second;
        }
        var buckets = new SortedDictionary<DateOnly, Dictionary<string, object?>>();
        foreach (var row in first.Concat(second))
        {
            var bucket = row.GetDate("bucket") ?? throw new InvalidOperationException($"'{queryName}' is marked additive but returned a row without a bucket.");
            if (!buckets.TryGetValue(bucket, out var sum))
            {
                buckets[bucket] = row.Columns.ToDictionary(c => c, c => row[c], StringComparer.OrdinalIgnoreCase);
                continue;
            }
            foreach (var column in row.Columns)
            {
                if (column.Equals("bucket", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                sum[column] = column.StartsWith(FlagPrefix, StringComparison.OrdinalIgnoreCase)
                    ? Either(queryName, column, sum.GetValueOrDefault(column), row[column])
                    : Add(queryName, column, sum.GetValueOrDefault(column), row[column]);
            }
        }
        return [.. buckets.Values.Select(values => new SqlRow(values))];
    }

    /// <summary>
    /// The prefix of a flag column (<c>has_tickets</c>: 1 when something exists up to the scan's
    /// end): the whole window's is the larger of the two halves', not their sum, so a bucket that
    /// only the second half has (a month begun today) keeps what the days before it hold.
    /// </summary>
    public const string FlagPrefix = "has_";

    private static object? Either(string queryName, string column, object? a, object? b) =>
        (a, b) switch
        {
            (null or DBNull, _) => b,
            (_, null or DBNull) => a,
            _ when IsNumber(a) && IsNumber(b) => SqlRow.ToDecimal(a) >= SqlRow.ToDecimal(b) ? a : b,
            _ => throw new InvalidOperationException($"'{queryName}' is marked additive but its flag column '{column}' is not a number."),
        };

    private static object? Add(string queryName, string column, object? a, object? b) => (a, b) switch
    {
        (null or DBNull, _) => b,
        (_, null or DBNull) => a,
        (long x, long y) => x + y,
        (int x, int y) => x + y,
        (decimal x, decimal y) => x + y,
        (double x, double y) => x + y,
        (BigInteger x, BigInteger y) => x + y,
        _ when IsNumber(a) && IsNumber(b) => SqlRow.ToDecimal(a)!.Value + SqlRow.ToDecimal(b)!.Value,
        _ when Equals(a, b) => a,
        _ => throw new InvalidOperationException($"'{queryName}' is marked additive but its column '{column}' is neither a number nor the same in both halves."),
    };

    private static bool IsNumber(object value) =>
        value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal or BigInteger;
}
