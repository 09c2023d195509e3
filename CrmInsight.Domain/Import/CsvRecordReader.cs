using System.Text;
using Sylvan.Data.Csv;

namespace CrmInsight.Domain.Import;

/// <summary>
/// Reads RFC 4180 CSV one record at a time from a stream through Sylvan.Data.Csv: quoted fields
/// may hold commas, doubled quotes and line breaks; a UTF-8 byte-order mark is skipped; CRLF, LF
/// and CR end a record. Only the current record is held (at most <see cref="CsvLimits.MaxRecordLength"/>
/// characters), so a 200 MB upload is read in a few KB and an unclosed quote stops at the cap.
/// Problems are <see cref="FormatException"/>s that name the file line.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly CsvLimits _limits;
    private readonly CsvDataReader _csv;

    // Sylvan counts records, not lines; the next record's first line is worked out from the
    // line breaks inside the records read so far (a record is one line plus those breaks).
    private long _nextLine = 1;

    public CsvRecordReader(Stream stream, CsvLimits? limits = null)
    {
        _limits = limits ?? CsvLimits.Default;
        var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        _csv = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = ',',
            Quote = '"',
            CsvStyle = CsvStyle.Standard,
            BufferSize = Math.Min(64 * 1024, _limits.MaxRecordLength),
            MaxBufferSize = _limits.MaxRecordLength,
            OwnsReader = true,
        });
    }

    /// <summary>The file line (1-based) the last record returned started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The next record's fields, or null at the end of the file. Blank lines are skipped.</summary>
    public string[]? Read()
    {
        while (true)
        {
            RecordLine = _nextLine;
            try
            {
                if (!_csv.Read())
                {
                    return null;
                }
            }
            catch (CsvRecordTooLargeException)
            {
                throw new FormatException(
                    $"The record that starts on line {RecordLine} is longer than {_limits.MaxRecordLength:N0} characters (Csv:MaxRecordLength); a quote that is never closed makes the rest of the file one record.");
            }
            catch (CsvInvalidCharacterException ex)
            {
                throw new FormatException(ex.Message.Contains("end of the input", StringComparison.Ordinal)
                    ? $"A quoted field that starts on line {RecordLine} is never closed."
                    : $"Line {RecordLine}: a quoted field must be followed by a comma or the end of the line (a quote inside a field is written \"\").");
            }
            catch (CsvFormatException ex)
            {
                throw new FormatException($"Line {RecordLine}: {ex.Message}");
            }

            var count = _csv.RowFieldCount;
            var fields = new string[count];
            var breaks = 0L;
            for (var i = 0; i < count; i++)
            {
                var field = _csv.GetString(i);
                if (field.Length > _limits.MaxFieldLength)
                {
                    throw new FormatException(
                        $"Line {RecordLine}, column {i + 1}: the field is {field.Length:N0} characters long; at most {_limits.MaxFieldLength:N0} are read (Csv:MaxFieldLength).");
                }
                breaks += LineBreaks(field);
                fields[i] = field;
            }
            _nextLine += 1 + breaks;
            if (count > 1 || (count == 1 && fields[0].Length > 0))
            {
                return fields;
            }
        }
    }

    public void Dispose() => _csv.Dispose();

    private static int LineBreaks(string field)
    {
        var span = field.AsSpan();
        if (span.IndexOfAny('\r', '\n') < 0)
        {
            return 0;
        }
        var breaks = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == '\n' || (span[i] == '\r' && (i + 1 == span.Length || span[i + 1] != '\n')))
            {
                breaks++;
            }
        }
        return breaks;
    }
}
