using System.Net;
using System.Text;
using System.Text.Json;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Web.Api;

/// <summary>GET /api/scorecard against the KPI API's own numbers, POST /api/ahp, and the scorecard export.</summary>
public sealed class ScorecardApiTests : IClassFixture<CrmInsightServer>, IAsyncLifetime
{
    private const string Window = "from=2025-04-01&to=2025-07-01";

    private readonly CrmInsightServer _server;
    private HttpClient _client = null!;

    public ScorecardApiTests(CrmInsightServer server) => _server = server;

    public async Task InitializeAsync()
    {
        await _server.WaitUntilReadyAsync();
        _client = await _server.CreateClientAsync(TestUsers.Analyst);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every actual is the value /api/kpis gives for the same filter; gross margin's historical
    /// target is its value a year earlier (/api/kpis with compare=yoy gives it as the comparison
    /// value); revenue growth (higher is better) scores 100 × actual / target, complaint rate
    /// (lower is better) 100 × target / actual, both kept within [0, 150]; each perspective is
    /// the sum of its KPIs' applied weight × score, and the total the same over the perspectives.
    /// </summary>
    [Fact]
    public async Task The_scorecard_is_the_kpi_apis_numbers_weighted_as_kpis_md_says()
    {
        using var card = await GetJsonAsync($"/api/scorecard?{Window}");
        var root = card.RootElement;
        var kpis = root.GetProperty("perspectives").EnumerateArray().SelectMany(p => p.GetProperty("kpis").EnumerateArray())
            .ToDictionary(k => k.GetProperty("id").GetString()!);
        var available = kpis.Values.Where(k => k.GetProperty("note").ValueKind == JsonValueKind.Null || k.GetProperty("note").GetString() != "not_available").Select(k => k.GetProperty("id").GetString()!).ToList();
        using var tiles = await GetJsonAsync($"/api/kpis?ids={string.Join(',', available)}&{Window}");
        using var lastYear = await GetJsonAsync($"/api/kpis?ids=gross_margin&{Window}&compare=yoy");

        foreach (var tile in tiles.RootElement.GetProperty("kpis").EnumerateArray())
        {
            Assert.Equal(Number(tile.GetProperty("value")), Number(kpis[tile.GetProperty("id").GetString()!].GetProperty("actual")));
        }
        Assert.Equal(Number(lastYear.RootElement.GetProperty("kpis")[0].GetProperty("comparisonValue")), Number(kpis["gross_margin"].GetProperty("target")));

        var growth = kpis["revenue_growth"];
        Assert.Equal(Math.Clamp(100m * Number(growth.GetProperty("actual"))!.Value / Number(growth.GetProperty("target"))!.Value, 0m, 150m), Number(growth.GetProperty("score"))!.Value, 10);
        var complaints = kpis["complaint_rate"];
        Assert.Equal(Math.Clamp(100m * Number(complaints.GetProperty("target"))!.Value / Number(complaints.GetProperty("actual"))!.Value, 0m, 150m), Number(complaints.GetProperty("score"))!.Value, 10);

        var total = 0m;
        foreach (var perspective in root.GetProperty("perspectives").EnumerateArray())
        {
            var sum = perspective.GetProperty("kpis").EnumerateArray()
                .Where(k => k.GetProperty("score").ValueKind == JsonValueKind.Number)
                .Sum(k => Number(k.GetProperty("appliedWeight"))!.Value * Number(k.GetProperty("score"))!.Value);
            Assert.Equal(sum, Number(perspective.GetProperty("score"))!.Value, 10);
            total += Number(perspective.GetProperty("appliedWeight"))!.Value * sum;
        }
        Assert.Equal(total, Number(root.GetProperty("score"))!.Value, 10);
        Assert.Equal(8, root.GetProperty("trend").GetArrayLength());
        // Every KPI of the seeded scorecard is in this build's catalog (activities_per_rep came with
        // issue 13): none is left out as not available.
        Assert.DoesNotContain(kpis.Values, k => k.GetProperty("note").ValueKind == JsonValueKind.String && k.GetProperty("note").GetString() == "not_available");
        Assert.Equal(13, kpis.Count);
    }

    [Theory]
    [InlineData("scorecard=abc", "scorecard")]
    [InlineData("scorecard=99", "scorecard")]
    [InlineData("region=abc", "region")]
    [InlineData("nonsense=1", "nonsense")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        using var response = await _client.GetAsync($"/api/scorecard?{query}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), body.RootElement.ToString());
    }

    /// <summary>The 3×3 matrix worked by hand in AhpTests: weights 0.63699, 0.25828, 0.10473, λmax 3.03851, CR 0.03320.</summary>
    [Fact]
    public async Task Ahp_answers_weights_and_consistency()
    {
        using var response = await PostAsync("""{"matrix": [[1, 3, 5], [0.3333333, 1, 3], [0.2, 0.3333333, 1]]}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0.63699, 0.25828, 0.10473], root.GetProperty("weights").EnumerateArray().Select(w => Math.Round(w.GetDouble(), 5)));
        Assert.Equal(3.03851, Math.Round(root.GetProperty("lambdaMax").GetDouble(), 5));
        Assert.Equal(0.0332, Math.Round(root.GetProperty("cr").GetDouble(), 4));
        Assert.True(root.GetProperty("consistent").GetBoolean());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("mostInconsistent").ValueKind);
    }

    [Fact]
    public async Task An_inconsistent_matrix_says_so_and_names_its_worst_comparison()
    {
        // The reversed judgement of AhpTests: A vs D written 1/8 where the rest implies 8.
        using var response = await PostAsync("""{"matrix": [[1, 2, 4, 0.125], [0.5, 1, 2, 4], [0.25, 0.5, 1, 2], [8, 0.25, 0.5, 1]]}""");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(root.GetProperty("consistent").GetBoolean());
        Assert.Equal((0, 3), (root.GetProperty("mostInconsistent").GetProperty("row").GetInt32(), root.GetProperty("mostInconsistent").GetProperty("column").GetInt32()));
    }

    [Theory]
    [InlineData("""{"matrix": [[1, 2, 3], [0.5, 1], [0.3333, 1, 1]]}""", "matrix[1]")]
    [InlineData("""{"matrix": [[1, 0], [2, 1]]}""", "matrix[0][1]")]
    [InlineData("""{"matrix": [[1, -2], [-0.5, 1]]}""", "matrix[0][1]")]
    [InlineData("""{"matrix": [[1, 3], [3, 1]]}""", "matrix[1][0]")]
    [InlineData("""{"matrix": [["1", 3], [0.3333, 1]]}""", "matrix[0][0]")]
    [InlineData("""{"matrix": []}""", "matrix")]
    [InlineData("""{"weights": [1]}""", "matrix")]
    [InlineData("""not json""", "body")]
    public async Task A_matrix_that_is_not_square_positive_or_reciprocal_is_a_400_naming_the_cell(string json, string cell)
    {
        using var response = await PostAsync(json);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(cell, out _), body.RootElement.ToString());
    }

    [Fact]
    public async Task The_scorecard_exports_as_csv_with_its_filter_and_every_kpi()
    {
        using var response = await _client.GetAsync($"/export/scorecard.csv?{Window}&region=1");
        var text = await response.Content.ReadAsStringAsync();
        var lines = text.Split("\r\n");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("CrmInsight · Scorecard: CRM balanced scorecard", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Period,2025-04-01 – 2025-06-30", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Region,", StringComparison.Ordinal));
        var header = Array.IndexOf(lines, "Level,Perspective,KPI,Actual,Target,Standard,Score,Grade or status,Weight,Weight applied,Note");
        Assert.True(header > 0, text);
        // The total, four perspectives and the thirteen KPIs of the default scorecard.
        Assert.Equal(1 + 4 + 13, lines.Skip(header + 1).Count(l => l.Length > 0));
        Assert.Contains(lines, l => l.StartsWith("KPI,Customer,Complaint rate,", StringComparison.Ordinal));
    }

    private async Task<JsonDocument> GetJsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _client.PostAsync("/api/ahp", new StringContent(json, Encoding.UTF8, "application/json"));

    private static decimal? Number(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetDecimal() : null;
}
