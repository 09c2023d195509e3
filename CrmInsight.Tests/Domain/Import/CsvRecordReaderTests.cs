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
    public void Records_longer_than_the_read_buffer_are_whole()
    {
        var longField = new string('x', 200_000);
        var records = ReadAll($"a,b\n\"{longField}\",2\n");

        Assert.Equal(longField, records[1].Fields[0]);
    }

    private static List<(string[] Fields, long Line)> ReadAll(string text) => ReadAll(Encoding.UTF8.GetBytes(text));

    private static List<(string[] Fields, long Line)> ReadAll(byte[] bytes)
    {
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        var records = new List<(string[], long)>();
        while (reader.Read() is { } record)
        {
            records.Add((record, reader.RecordLine));
        }
        return records;
    }
}
