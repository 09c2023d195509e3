using System.Globalization;
using System.Text;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;

namespace CrmInsight.Domain.Export;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark (so Excel reads Chinese names right). The
/// filter context comes first as "label,value" lines, then an empty line, the header and the
/// rows. Numbers use '.' and dates ISO 8601 whatever the UI language, so files stay machine-readable.
/// </summary>
public static class CsvTableWriter
{
    public static async Task WriteAsync(
        Stream output, ExportHeader header, IReadOnlyList<(string Field, string Header, ColumnKind Kind)> columns,
        IAsyncEnumerable<SqlRow> rows, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n", // RFC 4180, whatever the server's platform
        };
        await writer.WriteLineAsync(Line([header.Title]));
        foreach (var (label, value) in header.Context)
        {
            await writer.WriteLineAsync(Line([label, value]));
        }
        await writer.WriteLineAsync();
        await writer.WriteLineAsync(Line(columns.Select(c => c.Header)));
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(columns.Select(c => Value(row[c.Field], c.Kind))));
            if (++written % 10_000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    public static string Value(object? value, ColumnKind kind) => value switch
    {
        null or DBNull => "",
        DateTime date when kind == ColumnKind.Date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
