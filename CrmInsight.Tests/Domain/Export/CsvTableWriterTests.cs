using System.Text;
using CrmInsight.Domain.Export;
using CrmInsight.Domain.Import;
using CrmInsight.Domain.Sql;
using CrmInsight.Domain.Tables;

namespace CrmInsight.Tests.Domain.Export;

public sealed class CsvTableWriterTests
{
    private static readonly (string Field, string Header, ColumnKind Kind)[] Columns =
        [("name", "Name", ColumnKind.Text), ("revenue", "Revenue", ColumnKind.Money), ("last", "Last order", ColumnKind.Date)];

    [Fact]
    public async Task Text_cells_a_spreadsheet_would_run_as_formulas_get_an_apostrophe_and_numbers_stay_numbers()
    {
        var names = new[] { "=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR", "＝1+1", "Plain, with comma", "a-b = fine" };
        var rows = names.Select(n => Row(n, -12.50m)).ToList();

        var lines = await WriteAndReadAsync(new ExportHeader("=Title", [("Region", "@East"), ("Period", "2026-01-01 – 2026-02-01")]), rows);

        Assert.Equal(["'=Title"], lines[0]);
        Assert.Equal(["Region", "'@East"], lines[1]);
        Assert.Equal(["Name", "Revenue", "Last order"], lines[3]); // after Period comes the blank separator line, which the reader skips
        var cells = lines.Skip(4).ToList();
        Assert.Equal(
            ["'=HYPERLINK(\"http://x\",\"y\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR", "'＝1+1", "Plain, with comma", "a-b = fine"],
            cells.Select(c => c[0]));
        Assert.All(cells, c => Assert.Equal("-12.50", c[1])); // a negative number is not a formula and is left alone
        Assert.All(cells, c => Assert.Equal("2026-11-30", c[2]));
    }

    [Fact]
    public async Task The_file_is_utf8_with_a_bom_crlf_line_ends_and_rfc4180_quoting()
    {
        using var output = new MemoryStream();
        await CsvTableWriter.WriteAsync(output, new ExportHeader("T", []), Columns, Rows([Row("say \"hi\"\nnow", 1m)]));
        var bytes = output.ToArray();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("T\r\n\r\nName,Revenue,Last order\r\n\"say \"\"hi\"\"\nnow\",1,2026-11-30\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task Many_rows_are_all_written_in_order()
    {
        // Well past the 32 K-character drain point, so rows cross several asynchronous copies.
        var rows = Enumerable.Range(0, 5_000).Select(i => Row($"customer {i}", i)).ToList();

        var lines = await WriteAndReadAsync(new ExportHeader("T", []), rows);

        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => $"customer {i}"), lines.Skip(2).Select(l => l[0]));
    }

    private static SqlRow Row(string name, decimal revenue) =>
        new([new("name", name), new("revenue", revenue), new("last", new DateTime(2026, 11, 30))]);

    private static async IAsyncEnumerable<SqlRow> Rows(IEnumerable<SqlRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private static async Task<List<string[]>> WriteAndReadAsync(ExportHeader header, IEnumerable<SqlRow> rows)
    {
        using var output = new MemoryStream();
        await CsvTableWriter.WriteAsync(output, header, Columns, Rows(rows));
        output.Position = 0;
        using var reader = new CsvRecordReader(output);
        var lines = new List<string[]>();
        while (reader.Read() is { } record)
        {
            lines.Add(record);
        }
        return lines;
    }
}
