using System.Text;
using CrmInsight.Domain.Ingest;

namespace CrmInsight.Tests.Domain.Ingest;

public sealed class IngestBodyReaderTests
{
    private static MemoryStream Body(string text, bool bom = false) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    [Fact]
    public async Task Json_records_keep_numbers_as_written_and_names_match_loosely()
    {
        var records = await IngestBodyReader.ReadJsonAsync(Body("""[{"id":"A","Revenue":12.50,"first_response":null,"complaint":true}]"""), 10, default);

        var record = Assert.Single(records);
        Assert.Equal(1, record.Number);
        Assert.Equal("12.50", record.Fields["revenue"]);
        Assert.Null(record.Fields["firstresponse"]);
        Assert.Equal("true", record.Fields["complaint"]);
    }

    [Theory]
    [InlineData("{\"id\":1}", "must be a JSON array")]
    [InlineData("[{\"id\":", "not valid JSON")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("[{\"id\":{\"x\":1}}]", "not an object or array")]
    [InlineData("[{},{},{}]", "at most 2 records")]
    public async Task Bad_json_is_refused_with_a_reason(string body, string message)
    {
        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => IngestBodyReader.ReadJsonAsync(Body(body), 2, default));

        Assert.Contains(message, refused.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_handles_bom_quotes_commas_line_breaks_and_reports_lines()
    {
        const string csv = "id,name,note\r\n1,\"Wang, Li\",\"says \"\"hi\"\"\"\r\n2,王芳,\"two\nlines\"\r\n3,,x\r\n";

        var records = await IngestBodyReader.ReadCsvAsync(Body(csv, bom: true), 10, null, default);

        Assert.Equal([2, 3, 5], records.Select(r => r.Number)); // record 2 spans lines 3 and 4
        Assert.Equal("Wang, Li", records[0].Fields["name"]);
        Assert.Equal("says \"hi\"", records[0].Fields["note"]);
        Assert.Equal("王芳", records[1].Fields["name"]);
        Assert.Equal("two\nlines", records[1].Fields["note"]);
        Assert.Null(records[2].Fields["name"]); // blank is absent
    }

    [Fact]
    public async Task Csv_rows_with_the_wrong_field_count_are_named()
    {
        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => IngestBodyReader.ReadCsvAsync(Body("id,revenue\nA,1\nB\n"), 10, null, default));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(3, problem.Record);
        Assert.Contains("1 fields; the header has 2", problem.Message, StringComparison.Ordinal);
    }
}
