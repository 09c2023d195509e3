using System.Text;
using CrmInsight.Domain.Import;

namespace CrmInsight.Tests.Domain.Import;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Quoted_fields_keep_commas_line_breaks_and_doubled_quotes_and_lines_are_counted_in_the_file()
    {
        var records = ReadAll("id,name,note\r\n1,\"Müller, Jürgen\",\"says \"\"hi\"\"\"\r\n2,\"李\n雷\",x\r\n3,plain,\r\n");

        Assert.Equal(["id", "name", "note"], records[0].Fields);
        Assert.Equal(["1", "Müller, Jürgen", "says \"hi\""], records[1].Fields);
        Assert.Equal(["2", "李\n雷", "x"], records[2].Fields);
        Assert.Equal(["3", "plain", ""], records[3].Fields);
        Assert.Equal([1L, 2L, 3L, 5L], records.Select(r => r.Line)); // record 2 spans lines 3–4
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_not_part_of_the_first_column()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("InvoiceNo,Qty\nA1,2")).ToArray();

        var records = ReadAll(bytes);

        Assert.Equal("InvoiceNo", records[0].Fields[0]);
        Assert.Equal(["A1", "2"], records[1].Fields); // no final line break
    }

    [Fact]
    public void Blank_lines_are_skipped_and_an_unclosed_quote_is_an_error()
    {
        Assert.Equal(2, ReadAll("a,b\n\n1,2\n\n").Count);
        var error = Assert.Throws<FormatException>(() => ReadAll("a,b\n1,\"open\n2,3\n"));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_longer_than_the_read_buffer_are_whole_within_the_limits()
    {
        var longField = new string('x', 200_000);
        var limits = new CsvLimits { MaxFieldLength = 250_000, MaxRecordLength = 300_000 };

        var records = ReadAll(Encoding.UTF8.GetBytes($"a,b\n\"{longField}\",2\n"), limits);

        Assert.Equal(longField, records[1].Fields[0]);
    }

    [Fact]
    public void Line_numbers_count_crlf_lf_and_cr_breaks_inside_quotes_and_blank_lines()
    {
        // Line 1 header, line 2 blank, record "1" spans lines 3–4 (CRLF inside quotes),
        // record "2" starts on line 5 and spans 5–6 (a lone CR inside quotes), record "3" is line 7.
        var records = ReadAll("a,b\n\n1,\"x\r\ny\"\n2,\"p\rq\"\r\n3,z");

        Assert.Equal([1L, 3L, 5L, 7L], records.Select(r => r.Line));
        Assert.Equal("x\r\ny", records[1].Fields[1]);
    }

    [Fact]
    public void A_field_over_the_field_cap_is_an_error_that_names_line_and_column()
    {
        var limits = new CsvLimits { MaxFieldLength = 100, MaxRecordLength = 10_000 };

        var error = Assert.Throws<FormatException>(() => ReadAll(Encoding.UTF8.GetBytes($"a,b\n1,2\n3,{new string('y', 101)}\n"), limits));

        Assert.Contains("Line 3, column 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Csv:MaxFieldLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_in_a_large_file_stops_at_the_record_cap_instead_of_buffering_the_rest()
    {
        // 50 000 lines after the stray quote (~1 MB); the reader gives up after 4 096 characters.
        var text = new StringBuilder("a,b\n1,\"open\n");
        for (var i = 0; i < 50_000; i++)
        {
            text.Append(i).Append(",value\n");
        }
        var limits = new CsvLimits { MaxFieldLength = 1024, MaxRecordLength = 4096 };

        var error = Assert.Throws<FormatException>(() => ReadAll(Encoding.UTF8.GetBytes(text.ToString()), limits));

        Assert.Contains("starts on line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Csv:MaxRecordLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_with_its_line()
    {
        var error = Assert.Throws<FormatException>(() => ReadAll("a,b\n1,2\n3,\"x\"y\n"));

        Assert.StartsWith("Line 3:", error.Message, StringComparison.Ordinal);
    }

    private static List<(string[] Fields, long Line)> ReadAll(string text) => ReadAll(Encoding.UTF8.GetBytes(text));

    private static List<(string[] Fields, long Line)> ReadAll(byte[] bytes, CsvLimits? limits = null)
    {
        using var reader = new CsvRecordReader(new MemoryStream(bytes), limits);
        var records = new List<(string[], long)>();
        while (reader.Read() is { } record)
        {
            records.Add((record, reader.RecordLine));
        }
        return records;
    }
}
