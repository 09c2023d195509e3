using System.Globalization;

namespace CrmInsight.Domain.Import;

/// <summary>
/// Reads field values the way the README promises: ISO dates (<c>yyyy-MM-dd</c> with an optional
/// <c> HH:mm[:ss]</c>) plus an optional custom format, numbers in the chosen culture with no
/// thousands separators (so "1,5" is never read as 15), yes/no as 1/0, true/false, yes/no.
/// </summary>
public sealed class ValueParser(ImportSettings settings)
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
    ];

    // Several formats may be given, separated by '|' ("M/d/yyyy H:mm|M/d/yyyy").
    private readonly string[] _customFormats = settings.DateFormat?.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private const NumberStyles Number = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public bool TryDateTime(string text, out DateTime value)
    {
        if (DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Unspecified);
            return true;
        }
        return _customFormats.Length > 0
            && DateTime.TryParseExact(text, _customFormats, settings.Culture, DateTimeStyles.AllowWhiteSpaces, out value);
    }

    public bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, Number, settings.Culture, out value);

    public static bool TryFlag(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "1" or "true" or "yes" or "y":
                value = true;
                return true;
            case "0" or "false" or "no" or "n":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
