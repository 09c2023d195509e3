using System.Globalization;
using System.Numerics;

namespace CrmInsight.Domain.Sql;

/// <summary>One result row read by column name (case-insensitive), with conversions for the
/// types DuckDB and SQL Server hand back for the same SQL (BIGINT vs INT, DECIMAL vs DOUBLE).</summary>
public sealed class SqlRow
{
    private readonly Dictionary<string, object?> _values;

    public SqlRow(IEnumerable<KeyValuePair<string, object?>> values) =>
        _values = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Columns => _values.Keys;

    public object? this[string column] =>
        _values.TryGetValue(column, out var value)
            ? value
            : throw new KeyNotFoundException($"The query returned no column '{column}'.");

    public decimal? GetDecimal(string column) => ToDecimal(this[column]);

    public long GetInt64(string column) => ToDecimal(this[column]) is { } value ? (long)value : 0;

    public string? GetString(string column) => this[column]?.ToString();

    public DateOnly? GetDate(string column) => this[column] switch
    {
        null or DBNull => null,
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        var other => DateOnly.Parse(other.ToString()!, CultureInfo.InvariantCulture),
    };

    public static decimal? ToDecimal(object? value) => value switch
    {
        null or DBNull => null,
        decimal d => d,
        BigInteger big => (decimal)big,
        double d => (decimal)d,
        float f => (decimal)f,
        IConvertible convertible => convertible.ToDecimal(CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Cannot read {value.GetType().Name} as a number."),
    };
}
