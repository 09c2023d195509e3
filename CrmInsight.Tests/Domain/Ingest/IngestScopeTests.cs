using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Ingest;
using CrmInsight.Domain.Security;
using CrmInsight.Domain.Storage;
using CrmInsight.Tests.TestSupport;

namespace CrmInsight.Tests.Domain.Ingest;

/// <summary>
/// A writer limited to teams (an ingest key with --teams) writes and replaces only records of
/// those teams. Golden dataset: team 1 = Rep One, Rep Two (customers C1, C2, C5); team 2 = Rep
/// Three (customers C3, C4, C6); order O8 is team 2's.
/// </summary>
public sealed class IngestScopeTests : IAsyncLifetime
{
    private static readonly DataScope North = DataScope.ForTeams(IdSet.Of(1));
    private TestDatabase _db = null!;
    private IngestService _ingest = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.ExecuteAsync(GoldenDataset.Sql);
        _ingest = _db.Get<IngestService>();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static IngestRecord Record(int number, params (string Field, string? Value)[] fields) =>
        new(number, fields.ToDictionary(f => IngestBodyReader.NormalizeName(f.Field), f => f.Value));

    [Fact]
    public async Task Records_of_the_writers_teams_are_written()
    {
        await _ingest.IngestAsync(IngestKind.Orders, [Record(1, ("id", "N1"), ("date", "2024-04-14"), ("revenue", "10"), ("rep", "Rep Two"))], North);
        await _ingest.IngestAsync(IngestKind.Tickets, [Record(1, ("id", "NT1"), ("customer", "C5"), ("category", "billing"), ("channel", "web"), ("submitted", "2024-04-14 10:00"))], North);

        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order WHERE order_code = 'N1' AND team_id = 1"));
        Assert.Equal(1L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_ticket WHERE ticket_code = 'NT1'"));
    }

    [Theory]
    [InlineData("orders", "rep", "Rep Three", "Belongs to team 2")]
    [InlineData("orders", "rep", null, "must name a rep")]
    [InlineData("tickets", "customer", "C3", "Belongs to team 2")]
    [InlineData("surveys", "customer", "C4", "Belongs to team 2")]
    [InlineData("touches", "customer", "C6", "Belongs to team 2")]
    [InlineData("opportunities", "rep", "Rep Three", "Belongs to team 2")]
    public async Task A_record_of_another_team_refuses_the_request_and_writes_nothing(string kind, string field, string? value, string message)
    {
        Assert.True(IngestKinds.TryParse(kind, out var ingestKind));
        var fields = kind switch
        {
            "orders" => new List<(string, string?)> { ("id", "X1"), ("date", "2024-04-14"), ("revenue", "10") },
            "tickets" => [("id", "X1"), ("category", "billing"), ("channel", "web"), ("submitted", "2024-04-14 10:00")],
            "surveys" => [("id", "X1"), ("date", "2024-04-14"), ("csat", "80")],
            "touches" => [("campaign", "Spring mail"), ("sent", "2024-04-10")],
            _ => [("id", "X1"), ("created", "2024-04-01"), ("stage", "proposal"), ("amount", "100"), ("customer", "C1")],
        };
        if (value is not null)
        {
            fields.Add((field, value));
        }
        // A good record of the writer's own team in the same request is not written either.
        var own = kind == "orders" ? Record(2, ("id", "OK1"), ("date", "2024-04-14"), ("revenue", "10"), ("rep", "Rep One")) : null;
        IngestRecord[] records = own is null ? [Record(1, [.. fields])] : [Record(1, [.. fields]), own];
        var version = await _db.Versions.ReadAsync();

        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(ingestKind, records, North));

        Assert.True(refused.OutsideScope);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal((1, field), (problem.Record, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await _db.ScalarAsync<long>("SELECT COUNT(*) FROM fact_order WHERE order_code IN ('X1', 'OK1')"));
        Assert.Equal(version, await _db.Versions.ReadAsync());
    }

    [Fact]
    public async Task Another_teams_stored_record_is_not_replaced()
    {
        // O8 is stored for team 2; re-sending its id as a team-1 order would delete it.
        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(
            IngestKind.Orders, [Record(1, ("id", "O8"), ("date", "2024-04-14"), ("revenue", "1"), ("rep", "Rep One"))], North));

        Assert.True(refused.OutsideScope);
        Assert.Contains("'O8' is already stored for a team this key may not write", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
        Assert.Equal(200m, await _db.ScalarAsync<decimal>("SELECT revenue FROM fact_order WHERE order_code = 'O8' AND team_id = 2"));
    }

    [Fact]
    public async Task An_unknown_rep_is_a_plain_bad_request_not_a_scope_refusal()
    {
        var refused = await Assert.ThrowsAsync<IngestRejectedException>(() => _ingest.IngestAsync(
            IngestKind.Orders, [Record(1, ("id", "X2"), ("date", "2024-04-14"), ("revenue", "1"), ("rep", "Nobody"))], North));

        Assert.False(refused.OutsideScope);
        Assert.Contains("Unknown rep 'Nobody'", Assert.Single(refused.Problems).Message, StringComparison.Ordinal);
    }
}
