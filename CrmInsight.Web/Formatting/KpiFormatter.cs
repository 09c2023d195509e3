using System.Globalization;
using CrmInsight.Domain.Kpis;
using CrmInsight.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Formatting;

/// <summary>
/// Turns KPI numbers into text for a culture: grouping and decimals follow the culture, money
/// is shown in the data's currency (not the UI's), large numbers are compact (12.3M in English,
/// 1,234.5万 in Chinese), undefined is "—".
/// </summary>
public sealed class KpiFormatter(IOptions<DisplayOptions> options)
{
    public const string Undefined = "—";

    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["CNY"] = "¥", ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["JPY"] = "¥", ["HKD"] = "HK$",
    };

    public string CurrencySymbol => Symbols.TryGetValue(options.Value.Currency, out var symbol) ? symbol : options.Value.Currency + " ";

    /// <summary>A tile's value: compact for large money and counts.</summary>
    public string Format(decimal? value, KpiUnit unit, CultureInfo culture) => value switch
    {
        null => Undefined,
        { } v => unit switch
        {
            KpiUnit.Money => Signed(v, culture, a => CurrencySymbol + Compact(a, culture, decimals: 2)),
            KpiUnit.Count => Signed(v, culture, a => Compact(a, culture, decimals: 1)),
            KpiUnit.Fraction => v.ToString("P1", culture),
            KpiUnit.Ratio => v.ToString("N2", culture),
            KpiUnit.Score => v.ToString("N1", culture),
            KpiUnit.Minutes => Duration(v, culture),
            KpiUnit.Hours => v.ToString("N1", culture) + (IsChinese(culture) ? " 小时" : " h"),
            KpiUnit.Seconds => v.ToString("N0", culture) + (IsChinese(culture) ? " 秒" : " s"),
            KpiUnit.Days => v.ToString("N1", culture) + (IsChinese(culture) ? " 天" : " d"),
            _ => v.ToString("N2", culture),
        },
    };

    /// <summary>A number in full (detail panel, tooltips): no compacting.</summary>
    public string FormatExact(decimal? value, KpiUnit unit, CultureInfo culture) => value switch
    {
        null => Undefined,
        { } v => unit switch
        {
            KpiUnit.Money => Signed(v, culture, a => CurrencySymbol + a.ToString("N2", culture)),
            KpiUnit.Count => v == decimal.Truncate(v) ? v.ToString("N0", culture) : v.ToString("N2", culture),
            KpiUnit.Fraction => v.ToString("P2", culture),
            _ => Format(value, unit, culture),
        },
    };

    /// <summary>A measure a KPI was computed from (a count, a sum): grouped, up to two decimals, none when whole.</summary>
    public static string Measure(decimal? value, CultureInfo culture) => value?.ToString("#,##0.##", culture) ?? Undefined;

    /// <summary>Money to the whole unit, grouped ("¥1,074,475"): a wide table's cells (its export keeps every cent).</summary>
    public string FormatWholeMoney(decimal? value, CultureInfo culture) =>
        value is { } v ? Signed(v, culture, a => CurrencySymbol + a.ToString("N0", culture)) : Undefined;

    /// <summary>"+12.3%" for relative changes; "+3.1 pts" / "+4.0" for changes in points.</summary>
    public string FormatChange(decimal? change, KpiDefinition definition, CultureInfo culture)
    {
        if (change is not { } c)
        {
            return Undefined;
        }
        // The sign follows the number as shown: a change that rounds to zero is "±0.0".
        var (shown, text) = definition.ChangeKind == ChangeKind.Relative
            ? (Math.Round(Math.Abs(c) * 100, 1), Math.Abs(c).ToString("P1", culture))
            : definition.Unit == KpiUnit.Fraction
                ? (Math.Round(Math.Abs(c) * 100, 1), (Math.Abs(c) * 100).ToString("N1", culture) + (IsChinese(culture) ? " 个百分点" : " pts"))
                : (Math.Round(Math.Abs(c), 1), Math.Abs(c).ToString("N1", culture));
        var sign = shown == 0 ? "±" : c > 0 ? "+" : "−";
        return sign + text;
    }

    private static string Signed(decimal value, CultureInfo culture, Func<decimal, string> format) =>
        value < 0 ? culture.NumberFormat.NegativeSign + format(-value) : format(value);

    private static string Compact(decimal value, CultureInfo culture, int decimals)
    {
        if (IsChinese(culture))
        {
            return value switch
            {
                >= 100_000_000m => (value / 100_000_000m).ToString("N2", culture) + "亿",
                >= 10_000m => (value / 10_000m).ToString("N1", culture) + "万",
                _ => Small(value, culture, decimals),
            };
        }
        return value switch
        {
            >= 1_000_000_000m => (value / 1_000_000_000m).ToString("N2", culture) + "B",
            >= 1_000_000m => (value / 1_000_000m).ToString("N2", culture) + "M",
            >= 10_000m => (value / 1_000m).ToString("N1", culture) + "K",
            _ => Small(value, culture, decimals),
        };
    }

    private static string Small(decimal value, CultureInfo culture, int decimals) =>
        value == decimal.Truncate(value) ? value.ToString("N0", culture) : value.ToString("N" + decimals, culture);

    private static string Duration(decimal minutes, CultureInfo culture)
    {
        var chinese = IsChinese(culture);
        if (minutes >= 120)
        {
            var hours = (minutes / 60).ToString("N1", culture);
            return chinese ? $"{hours} 小时" : $"{hours} h";
        }
        var text = minutes.ToString("N1", culture);
        return chinese ? $"{text} 分钟" : $"{text} min";
    }

    private static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
