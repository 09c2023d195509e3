using System.Collections.Frozen;

namespace CrmInsight.Domain.Import;

/// <summary>
/// Which CSV column each field of an import kind comes from (<c>order=InvoiceNo,customer=CustomerID,…</c>).
/// Fields not mapped are absent. Shared by the import command, the Import page and the ingest API.
/// </summary>
public sealed class ColumnMapping
{
    private ColumnMapping(ImportKind kind, IReadOnlyDictionary<string, string> columns)
    {
        Kind = kind;
        Columns = columns;
    }

    public ImportKind Kind { get; }

    /// <summary>Field name → CSV column name, for the mapped fields.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; }

    public bool Has(string field) => Columns.ContainsKey(field);

    /// <summary>The mapping as <c>field=COL,…</c> text (in the kind's field order).</summary>
    public override string ToString() =>
        string.Join(',', ImportFields.For(Kind).Where(f => Columns.ContainsKey(f.Name)).Select(f => $"{f.Name}={Columns[f.Name]}"));

    /// <summary>
    /// Parses <c>field=COL,…</c>. Errors name unknown fields, fields given twice and required
    /// fields left out; the mapping is null when there is any.
    /// </summary>
    public static (ColumnMapping? Mapping, IReadOnlyList<string> Errors) Parse(ImportKind kind, string? mapText)
    {
        var errors = new List<string>();
        var fields = ImportFields.For(kind);
        var known = fields.Select(f => f.Name).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in (mapText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var field = equals < 0 ? part : part[..equals].Trim();
            var column = equals < 0 ? "" : part[(equals + 1)..].Trim();
            if (!known.Contains(field))
            {
                errors.Add($"Unknown field '{field}' for {kind.CommandName()}; the fields are {string.Join(", ", fields.Select(f => f.Name))}.");
            }
            else if (column.Length == 0)
            {
                errors.Add($"Field '{field}' needs a column name ({field}=COLUMN).");
            }
            else if (!columns.TryAdd(field.ToLowerInvariant(), column))
            {
                errors.Add($"Field '{field}' is mapped twice.");
            }
        }
        foreach (var field in fields.Where(f => f.Required && !columns.ContainsKey(f.Name)))
        {
            errors.Add($"Required field '{field.Name}' is not mapped.");
        }
        errors.AddRange(ImportFields.MissingAlternatives(kind, columns.Keys).Select(rule => $"Mapping: {rule}."));
        return errors.Count > 0 ? (null, errors) : (FromColumns(kind, columns), errors);
    }

    /// <summary>A mapping from a field → column dictionary (the Import page's dropdowns); same rules as <see cref="Parse"/>.</summary>
    public static (ColumnMapping? Mapping, IReadOnlyList<string> Errors) From(ImportKind kind, IReadOnlyDictionary<string, string?> columns) =>
        Parse(kind, string.Join(',', columns.Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => $"{c.Key}={c.Value}")));

    /// <summary>Guesses a mapping from header names (InvoiceNo → order, Country → region …); fields with no likely column stay unmapped.</summary>
    public static IReadOnlyDictionary<string, string?> Guess(ImportKind kind, IReadOnlyList<string> header)
    {
        var normalised = header.Select(Normalise).ToList();
        var taken = new HashSet<int>();
        var guess = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in ImportFields.For(kind))
        {
            guess[field.Name] = null;
            // Aliases are in order of preference; the first one present wins.
            foreach (var alias in field.Aliases.Select(Normalise))
            {
                var index = normalised.FindIndex(h => h == alias);
                if (index >= 0 && taken.Add(index))
                {
                    guess[field.Name] = header[index];
                    break;
                }
            }
        }
        // price and amount exclude each other: with a unit price, the amount column is not needed.
        if (kind == ImportKind.OrderLines && guess["price"] is not null)
        {
            guess["amount"] = null;
        }
        return guess;
    }

    /// <summary>
    /// Finds each mapped column in the file's header (case and surrounding spaces ignored).
    /// Errors name a column the file does not have, with the columns it does have.
    /// </summary>
    public (ResolvedMapping? Resolved, IReadOnlyList<string> Errors) Resolve(IReadOnlyList<string> header)
    {
        var errors = new List<string>();
        var indexes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (field, column) in Columns)
        {
            var index = -1;
            for (var i = 0; i < header.Count; i++)
            {
                if (string.Equals(header[i].Trim(), column, StringComparison.OrdinalIgnoreCase))
                {
                    index = i;
                    break;
                }
            }
            if (index < 0)
            {
                errors.Add($"Column '{column}' (mapped to {field}) is not in the file; its columns are: {string.Join(", ", header.Select(h => h.Trim()))}.");
            }
            else
            {
                indexes[field] = index;
            }
        }
        return errors.Count > 0 ? (null, errors) : (new ResolvedMapping(indexes), errors);
    }

    private static ColumnMapping FromColumns(ImportKind kind, Dictionary<string, string> columns) =>
        new(kind, columns.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));

    private static string Normalise(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}

/// <summary>A mapping resolved against a header: the field values of one record.</summary>
public sealed class ResolvedMapping(IReadOnlyDictionary<string, int> indexes)
{
    public bool Has(string field) => indexes.ContainsKey(field);

    /// <summary>The trimmed value, or null when the field is not mapped, blank, or the record is short.</summary>
    public string? Get(string[] record, string field)
    {
        if (!indexes.TryGetValue(field, out var index) || index >= record.Length)
        {
            return null;
        }
        var value = record[index].Trim();
        return value.Length == 0 ? null : value;
    }
}
