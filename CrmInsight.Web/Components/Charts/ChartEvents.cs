using System.Globalization;
using System.Text.Json;

namespace CrmInsight.Web.Components.Charts;

/// <summary>Reads plotly event data, which arrives as JSON elements rather than .NET numbers.</summary>
public static class ChartEvents
{
    public static int? Index(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Number } json when json.TryGetInt32(out var number) => number,
        JsonElement => null,
        IConvertible convertible => convertible.ToInt32(CultureInfo.InvariantCulture),
        _ => null,
    };
}
