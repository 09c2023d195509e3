using System.Globalization;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Rules;

namespace CrmInsight.Domain.Ingest;

/// <summary>
/// Reads one record's fields as typed values, noting a problem for every field that is
/// missing, malformed or out of range, and for every field the kind does not know.
/// </summary>
public sealed class RecordReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];
    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    private readonly IngestRecord _record;
    private readonly List<IngestProblem> _problems;

    public RecordReader(IngestRecord record, IReadOnlyCollection<string> knownFields, List<IngestProblem> problems)
    {
        _record = record;
        _problems = problems;
        foreach (var name in record.Fields.Keys.Where(k => !knownFields.Contains(k)))
        {
            Problem(name, $"Is not a field of this kind; known fields: {string.Join(", ", knownFields)}.");
        }
    }

    public int Number => _record.Number;

    /// <summary>Whether any of the fields has a value (valid or not).</summary>
    public bool HasAny(params string[] fields) => fields.Any(f => !string.IsNullOrWhiteSpace(_record.Fields.GetValueOrDefault(f)));

    public void Problem(string? field, string message) => _problems.Add(new IngestProblem(_record.Number, field, message));

    public string? Text(string field, bool required = false, int maxLength = 200)
    {
        var value = _record.Fields.GetValueOrDefault(field)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                Problem(field, "Is required.");
            }
            return null;
        }
        if (value.Length > maxLength)
        {
            Problem(field, $"Is longer than {maxLength} characters.");
            return null;
        }
        return value;
    }

    public string? OneOf(string field, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = Text(field, required)?.ToLowerInvariant();
        if (value is not null && !allowed.Contains(value))
        {
            Problem(field, $"'{value}' is not one of: {string.Join(", ", allowed)}.");
            return null;
        }
        return value;
    }

    public decimal? Money(string field, bool required = false, decimal min = 0, decimal max = 1_000_000_000_000m)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Problem(field, $"'{text}' is not a number (use '.' for decimals, no thousands separators).");
            return null;
        }
        if (value < min || value > max)
        {
            Problem(field, $"{value.ToString(CultureInfo.InvariantCulture)} is outside {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        if (decimal.Round(value, 2) != value)
        {
            Problem(field, $"{value.ToString(CultureInfo.InvariantCulture)} has more than two decimals.");
            return null;
        }
        return value;
    }

    public int? WholeNumber(string field, bool required = false, int min = 0, int max = int.MaxValue)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problem(field, $"'{text}' is not a whole number.");
            return null;
        }
        if (value < min || value > max)
        {
            Problem(field, $"{value} is outside {min}..{max}.");
            return null;
        }
        return value;
    }

    /// <summary>A survey score: a whole number in the scale's range (the rule the import applies too).</summary>
    public int? Score(SurveyScale scale) => WholeNumber(scale.Field, min: scale.Min, max: scale.Max);

    /// <summary>yes/no, true/false, y/n or 1/0 in any case, as the import reads them.</summary>
    public bool? Flag(string field)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }
        if (!ValueParser.TryFlag(text, out var value))
        {
            Problem(field, $"'{text.ToLowerInvariant()}' is not yes/no (use true/false, 1/0 or yes/no).");
            return null;
        }
        return value;
    }

    public DateOnly? Date(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }
        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            Problem(field, $"'{text}' is not a date in the form yyyy-MM-dd.");
            return null;
        }
        return InRange(field, value) ? value : null;
    }

    public DateTime? Timestamp(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null)
        {
            return null;
        }
        if (!DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            Problem(field, $"'{text}' is not a time in the form yyyy-MM-dd HH:mm[:ss] (local business time, no offset).");
            return null;
        }
        return InRange(field, DateOnly.FromDateTime(value)) ? value : null;
    }

    private bool InRange(string field, DateOnly date)
    {
        if (!FactDates.Covers(date))
        {
            Problem(field, FactDates.Outside(date));
            return false;
        }
        return true;
    }
}
