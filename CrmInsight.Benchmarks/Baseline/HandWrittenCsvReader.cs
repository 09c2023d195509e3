using System.Text;

namespace CrmInsight.Benchmarks.Baseline;

/// <summary>
/// The hand-written reader the import used before Sylvan.Data.Csv, kept only as the baseline of
/// the <c>csv-read</c> benchmark (nothing in the product uses it).
///
/// Reads RFC 4180 CSV one record at a time from a stream: quoted fields may hold commas,
/// doubled quotes and line breaks; a UTF-8 byte-order mark is skipped; CRLF and LF both end a
/// record. Only the current record is held in memory, so a 200 MB upload is read in a few KB.
/// </summary>
internal sealed class HandWrittenCsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _position;
    private int _length;
    private long _line = 1;

    public HandWrittenCsvReader(Stream stream)
    {
        _reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
    }

    /// <summary>The file line (1-based) the last record returned started on.</summary>
    public long RecordLine { get; private set; }

    /// <summary>The next record's fields, or null at the end of the file. Blank lines are skipped.</summary>
    public string[]? Read()
    {
        while (true)
        {
            var record = ReadRecord();
            if (record is null)
            {
                return null;
            }
            if (record.Length > 1 || record[0].Length > 0)
            {
                return record;
            }
        }
    }

    public void Dispose() => _reader.Dispose();

    private string[]? ReadRecord()
    {
        _fields.Clear();
        _field.Clear();
        RecordLine = _line;
        if (!Fill())
        {
            return null;
        }
        var quoted = false;
        var fieldStarted = false;
        while (true)
        {
            if (_position >= _length && !Fill())
            {
                if (quoted)
                {
                    throw new FormatException($"A quoted field that starts on line {RecordLine} is never closed.");
                }
                _fields.Add(_field.ToString());
                return [.. _fields];
            }
            var c = _buffer[_position++];
            if (quoted)
            {
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        _position++;
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }
                    _field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    _fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStarted = false;
                    break;
                case '\r':
                    if (Peek() == '\n')
                    {
                        _position++;
                    }
                    _line++;
                    _fields.Add(_field.ToString());
                    return [.. _fields];
                case '\n':
                    _line++;
                    _fields.Add(_field.ToString());
                    return [.. _fields];
                default:
                    _field.Append(c);
                    fieldStarted = true;
                    break;
            }
        }
    }

    private int Peek() => _position < _length || Fill() ? _buffer[_position] : -1;

    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
