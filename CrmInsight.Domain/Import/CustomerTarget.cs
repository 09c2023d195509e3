using DuckDB.NET.Data;
using CrmInsight.Domain.Rules;

namespace CrmInsight.Domain.Import;

/// <summary>Customers by their source id; a known id is updated in the fields the file maps, the others are kept.</summary>
internal sealed class CustomerTarget : ImportTarget
{
    private static readonly string[] Optional = ["name", "region", "segment", "email", "phone", "acquired"];

    public override string StagingTable => "import_customer";

    public override string StagingColumns =>
        "line_no BIGINT, customer_code VARCHAR, name VARCHAR, region VARCHAR, segment VARCHAR, email VARCHAR, phone VARCHAR, acquired DATE";

    public override string MergeScript => "customers";

    public override IReadOnlyDictionary<string, object?> MergeArguments(ColumnMapping mapping) =>
        Optional.ToDictionary(f => $"map_{f}", f => (object?)(mapping.Has(f) ? 1 : 0));

    public override Rejection? Stage(string[] record, long line, ResolvedMapping map, ValueParser parser, DuckDBAppender? appender)
    {
        if (map.Get(record, "id") is not { } id)
        {
            return Missing("id");
        }
        DateOnly? acquired = null;
        if (map.Get(record, "acquired") is { } acquiredText)
        {
            if (!parser.TryDateTime(acquiredText, out var date))
            {
                return Bad("acquired is not a date", acquiredText);
            }
            if (!FactDates.Covers(date))
            {
                return Bad("acquired is outside 2000–2049", acquiredText);
            }
            acquired = DateOnly.FromDateTime(date);
        }
        appender?.CreateRow()
            .AppendValue(line)
            .AppendValue(id)
            .AppendValue(map.Get(record, "name"))
            .AppendValue(map.Get(record, "region"))
            .AppendValue(map.Get(record, "segment"))
            .AppendValue(map.Get(record, "email"))
            .AppendValue(map.Get(record, "phone"))
            .AppendValue(acquired)
            .EndRow();
        return null;
    }
}
