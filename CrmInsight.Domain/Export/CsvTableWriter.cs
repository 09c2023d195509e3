using System.Globalization;
using System.Text;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;
using nietras.SeparatedValues;

namespace CrmInsight.Domain.Export;

/// <summary>
/// RFC 4180 CSV (quoting by the Sep library, CRLF line ends) in UTF-8 with a byte-order mark
/// (so Excel reads Chinese names right). The filter context comes first as "label,value" lines,
/// then an empty line, the header and the rows. Numbers use '.' and dates ISO 8601 whatever the
/// UI language, so files stay machine-readable; text cells that a spreadsheet would run as a
/// formula are neutralised (<see cref="CsvFormulaGuard"/>).
/// </summary>
public static class CsvTableWriter
{
    private const int DrainAt = 32 * 1024;

    public static async Task WriteAsync(
        Stream output, ExportHeader header, IReadOnlyList<(string Field, string Header, ColumnKind Kind)> columns,
        IAsyncEnumerable<SqlRow> rows, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        // Sep writes synchronously, and a response body takes only asynchronous writes: rows go
        // into this buffer and are copied out asynchronously every 32 K characters.
        var buffer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\r\n" }; // RFC 4180, whatever the platform
        using var csv = Sep.New(',').Writer(o => o with
        {
            WriteHeader = false,
            Escape = true,
            DisableColCountCheck = true, // the context lines have fewer columns than the table
            ColNotSetOption = SepColNotSetOption.Skip,
            CultureInfo = CultureInfo.InvariantCulture,
        }).To(buffer, leaveOpen: true);

        WriteRow(csv, [CsvFormulaGuard.Neutralize(header.Title)]);
        foreach (var (label, value) in header.Context)
        {
            WriteRow(csv, [CsvFormulaGuard.Neutralize(label), CsvFormulaGuard.Neutralize(value)]);
        }
        WriteRow(csv, []);
        WriteRow(csv, [.. columns.Select(c => CsvFormulaGuard.Neutralize(c.Header))]);
        var cells = new string[columns.Count];
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Value(row[columns[i].Field], columns[i].Kind);
            }
            WriteRow(csv, cells);
            if (buffer.GetStringBuilder().Length >= DrainAt)
            {
                await DrainAsync(buffer, writer, cancellationToken);
            }
        }
        csv.Flush();
        await DrainAsync(buffer, writer, cancellationToken);
    }

    /// <summary>A cell's text: numbers and dates invariant, text neutralised against formula injection.</summary>
    public static string Value(object? value, ColumnKind kind) => value switch
    {
        null or DBNull => "",
        DateTime date when kind == ColumnKind.Date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => CsvFormulaGuard.Neutralize(value.ToString() ?? ""),
    };

    private static void WriteRow(SepWriter csv, IReadOnlyList<string> fields)
    {
        using var row = csv.NewRow();
        for (var i = 0; i < fields.Count; i++)
        {
            row[i].Set(fields[i]);
        }
    }

    private static async Task DrainAsync(StringWriter buffer, StreamWriter writer, CancellationToken cancellationToken)
    {
        var text = buffer.GetStringBuilder();
        await writer.WriteAsync(text, cancellationToken);
        await writer.FlushAsync(cancellationToken);
        text.Clear();
    }
}
