using CrmInsight.Domain.Import;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.Domain.Import;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Rules;

/// <summary>
/// One rule per fact: the CSV import and the ingest API accept and refuse exactly the same ticket
/// channels, survey scores and dates. Each case goes through both paths on one database.
/// </summary>
public sealed class FactRulesTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private IngestService _ingest = null!;
    private int _next;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ingest = new IngestService(_db.Database, _db.Runner, _db.Versions, _db.Aggregates, new WriteGate(), _db.Time);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [InlineData("phone", "2024-03-01 10:00", true)]
    [InlineData("EMAIL", "2024-03-01 10:00", true)] // any case
    [InlineData("web", "2000-01-01 00:00", true)] // the first day the dashboard covers
    [InlineData("chat", "2049-12-31 23:59", true)] // and its last
    [InlineData("", "2024-03-01 10:00", false)] // import used to write 'other' for a blank channel
    [InlineData("fax", "2024-03-01 10:00", false)] // import used to store any channel
    [InlineData("phone", "1999-12-31 23:59", false)] // import used to take any year
    [InlineData("phone", "2050-01-01 00:00", false)]
    public async Task Tickets_channel_and_date_follow_one_rule(string channel, string submitted, bool accepted)
    {
        var id = $"R-T{++_next}";

        var imported = await _db.ImportAsync(ImportKind.Tickets,
            $"id,category,channel,submitted\n{id},billing,{channel},{submitted}\n", "id=id,category=category,channel=channel,submitted=submitted");
        var ingested = await IngestAsync(IngestKind.Tickets, ("id", id + "-api"), ("category", "billing"), ("channel", channel), ("submitted", submitted));

        Assert.Equal(accepted, imported.Succeeded);
        Assert.Equal(accepted, ingested);
    }

    [Theory]
    [InlineData("0", "1", "0", true)] // each scale's lowest value
    [InlineData("100", "10", "10", true)] // and its highest
    [InlineData("101", "", "", false)] // CSAT is 0–100
    [InlineData("-1", "", "", false)]
    [InlineData("", "0", "", false)] // the service rating is 1–10
    [InlineData("", "11", "", false)]
    [InlineData("", "", "11", false)] // recommend is 0–10
    [InlineData("", "5.5", "", false)] // whole numbers only
    public async Task Survey_scores_follow_one_rule(string csat, string rating, string recommend, bool accepted)
    {
        var id = $"R-S{++_next}";

        var imported = await _db.ImportAsync(ImportKind.Surveys,
            $"id,date,csat,rating,recommend\n{id},2024-03-01,{csat},{rating},{recommend}\n", "id=id,date=date,csat=csat,rating=rating,recommend=recommend");
        var ingested = await IngestAsync(IngestKind.Surveys, ("id", id + "-api"), ("date", "2024-03-01"), ("csat", csat), ("rating", rating), ("recommend", recommend));

        Assert.Equal(accepted, imported.Succeeded);
        Assert.Equal(accepted, ingested);
    }

    [Theory]
    [InlineData("2024-03-01", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2050-01-01", false)]
    public async Task Survey_and_order_dates_follow_one_rule(string date, bool accepted)
    {
        var id = $"R-D{++_next}";

        var survey = await _db.ImportAsync(ImportKind.Surveys, $"id,date,csat\n{id},{date},80\n", "id=id,date=date,csat=csat");
        var surveyApi = await IngestAsync(IngestKind.Surveys, ("id", id + "-api"), ("date", date), ("csat", "80"));
        var order = await _db.ImportAsync(ImportKind.OrderLines, $"o,c,d,q,p\n{id},,{date},1,5.00\n", "order=o,customer=c,date=d,quantity=q,price=p");
        var orderApi = await IngestAsync(IngestKind.Orders, ("id", id + "-api"), ("date", date), ("revenue", "5.00"));

        Assert.Equal([accepted, accepted, accepted, accepted], new[] { survey.Succeeded, surveyApi, order.Succeeded, orderApi });
    }

    private async Task<bool> IngestAsync(IngestKind kind, params (string Field, string Value)[] fields)
    {
        var record = new IngestRecord(1, fields.Where(f => f.Value.Length > 0).ToDictionary(f => IngestBodyReader.NormalizeName(f.Field), f => (string?)f.Value));
        try
        {
            await _ingest.IngestAsync(kind, [record]);
            return true;
        }
        catch (IngestRejectedException)
        {
            return false;
        }
    }
}
