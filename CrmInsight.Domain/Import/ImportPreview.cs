namespace CrmInsight.Domain.Import;

/// <summary>
/// The first lines of a file, read before importing it: the header (for guessing the mapping)
/// and a few records, checked by the same rules the import applies.
/// </summary>
public sealed class ImportPreview
{
    private ImportPreview(IReadOnlyList<string> header, IReadOnlyList<(long Line, string[] Record)> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<(long Line, string[] Record)> Rows { get; }

    /// <summary>Reads the header and up to <paramref name="rows"/> records; only those bytes (and a read-ahead buffer) are read. Call it off the request or circuit thread.</summary>
    public static ImportPreview Read(Stream csv, int rows = 10, CsvLimits? limits = null)
    {
        using var reader = new CsvRecordReader(new CountingStream(csv), limits);
        var header = reader.Read() ?? throw new FormatException("The file is empty: the first line must name the columns.");
        var records = new List<(long, string[])>();
        while (records.Count < rows && reader.Read() is { } record)
        {
            records.Add((reader.RecordLine, record));
        }
        return new ImportPreview([.. header.Select(h => h.Trim())], records);
    }

    /// <summary>Each previewed line as the import will read it: the mapped fields' values and why it would be rejected (null: accepted).</summary>
    public (IReadOnlyList<PreviewLine> Lines, IReadOnlyList<string> Errors) Check(ImportKind kind, ImportSettings settings)
    {
        var (resolved, errors) = settings.Mapping.Resolve(Header);
        if (resolved is null)
        {
            return ([], errors);
        }
        var target = ImportTarget.For(kind);
        var parser = new ValueParser(settings);
        var fields = ImportFields.For(kind).Where(f => settings.Mapping.Has(f.Name)).Select(f => f.Name).ToList();
        var lines = Rows.Select(row => new PreviewLine(
            row.Line,
            fields.ToDictionary(f => f, f => resolved.Get(row.Record, f)),
            target.Stage(row.Record, row.Line, resolved, parser, null) is { } rejection ? new RejectedLine(row.Line, rejection.Reason, rejection.Value) : null,
            kind == ImportKind.OrderLines && resolved.Get(row.Record, "quantity") is { } quantity && parser.TryDecimal(quantity, out var q) && q < 0)).ToList();
        return (lines, []);
    }
}

/// <summary>A previewed line: its mapped values, why it would be rejected (null: imported), and whether it is a returned order line.</summary>
public sealed record PreviewLine(long Line, IReadOnlyDictionary<string, string?> Values, RejectedLine? Problem, bool IsReturn = false);
