using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace CrmInsight.Domain.Sql;

/// <summary>
/// Named values for a query's parameters. Immutable; names are case-insensitive and given
/// without a marker. A query takes only the values its text uses (see <see cref="SqlQuery.Parameters"/>),
/// so one set of arguments can serve several queries.
/// </summary>
public sealed class SqlArgs
{
    public static readonly SqlArgs Empty = new(ImmutableSortedDictionary.Create<string, object?>(StringComparer.OrdinalIgnoreCase));

    private readonly ImmutableSortedDictionary<string, object?> _values;

    private SqlArgs(ImmutableSortedDictionary<string, object?> values) => _values = values;

    public SqlArgs With(string name, object? value) => new(_values.SetItem(name, value));

    /// <summary>These arguments with every value of <paramref name="other"/> added (other wins).</summary>
    public SqlArgs WithAll(SqlArgs other) => new(_values.SetItems(other._values));

    public bool TryGet(string name, out object? value) => _values.TryGetValue(name, out value);

    /// <summary>The value of <paramref name="name"/>, null when absent.</summary>
    public object? Value(string name) => _values.GetValueOrDefault(name);

    public IEnumerable<string> Names => _values.Keys;

    /// <summary>
    /// A canonical text of the values <paramref name="names"/> take, for cache keys: equal
    /// arguments give equal text whatever order they were added in.
    /// </summary>
    public string KeyFor(IEnumerable<string> names)
    {
        var key = new StringBuilder();
        foreach (var name in names.Order(StringComparer.OrdinalIgnoreCase))
        {
            key.Append(name).Append('=');
            if (_values.TryGetValue(name, out var value))
            {
                AppendValue(key, value);
            }
            key.Append(';');
        }
        return key.ToString();
    }

    private static void AppendValue(StringBuilder key, object? value)
    {
        switch (value)
        {
            case null:
                key.Append("null");
                break;
            case string text:
                key.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                break;
            case IEnumerable list:
                key.Append('[');
                foreach (var item in list)
                {
                    AppendValue(key, item);
                    key.Append(',');
                }
                key.Append(']');
                break;
            case IFormattable formattable:
                key.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                key.Append(value);
                break;
        }
    }
}
