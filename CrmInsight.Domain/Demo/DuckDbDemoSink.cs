using DuckDB.NET.Data;

namespace CrmInsight.Domain.Demo;

/// <summary>
/// Writes generated rows with DuckDB's Appender (the bulk path: millions of rows a second).
/// The dated facts go to staging tables first and are copied into their tables sorted by date
/// when the sink is completed, so DuckDB's per-block min/max lets date-range queries skip most
/// blocks: the generator writes customer by customer, and an unsorted fact_ticket or
/// fact_campaign_touch spans all three years in every block.
/// </summary>
public sealed class DuckDbDemoSink : IDemoSink, IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly Dictionary<string, DuckDBAppender> _appenders = [];
    private readonly DemoWrittenAt _written;

    // The staging tables' names are constants: Add runs once per generated row (millions).
    private const string StagingOrder = "staging_order";
    private const string StagingTicket = "staging_ticket";
    private const string StagingSurvey = "staging_survey";
    private const string StagingTouch = "staging_campaign_touch";
    private const string StagingActivity = "staging_activity";

    /// <summary>The facts written through a staging table, with the order they are copied in.</summary>
    private static readonly (string Table, string Staging, string OrderBy)[] Sorted =
    [
        ("fact_order", StagingOrder, "order_date, order_id"),
        ("fact_ticket", StagingTicket, "submitted_at, ticket_id"),
        ("fact_survey", StagingSurvey, "survey_date, survey_id"),
        ("fact_campaign_touch", StagingTouch, "sent_date, campaign_id, customer_id"),
        ("fact_activity", StagingActivity, "activity_date, activity_id"),
    ];

    /// <param name="time">The generator's clock: no record is written after its "now".</param>
    public DuckDbDemoSink(DuckDBConnection connection, TimeProvider time)
    {
        _connection = connection;
        _written = new DemoWrittenAt(time.GetLocalNow().DateTime, time.LocalTimeZone);
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat(Sorted.Select(s => $"DROP TABLE IF EXISTS {s.Staging}; CREATE TABLE {s.Staging} AS SELECT * FROM {s.Table} WHERE 1 = 0;"));
        command.ExecuteNonQuery();
    }

    public void AddDimensions(DemoWorld world)
    {
        foreach (var region in world.Regions)
        {
            Row("dim_region").AppendValue(region.RegionId).AppendValue(region.Name).EndRow();
        }
        AddNamed("dim_segment", world.Segments);
        AddNamed("dim_channel", world.Channels);
        AddNamed("dim_marketing_channel", world.MarketingChannels);
        AddNamed("dim_category", world.Categories);
        AddNamed("dim_agent", world.Agents);
        foreach (var team in world.Teams)
        {
            Row("dim_team").AppendValue(team.TeamId).AppendValue(team.Name).AppendValue(team.RegionId).EndRow();
        }
        foreach (var rep in world.Reps)
        {
            Row("dim_rep").AppendValue(rep.RepId).AppendValue(rep.Name).AppendValue(rep.TeamId).AppendValue(rep.RegionId).AppendValue(rep.HiredDate).EndRow();
        }
        foreach (var c in world.Campaigns)
        {
            Row("dim_campaign").AppendValue(c.CampaignId).AppendValue(c.Name).AppendValue(c.MarketingChannelId)
                .AppendValue(c.StartDate).AppendValue(c.EndDate).AppendValue(c.AttributionDays).AppendValue(c.Budget).EndRow();
        }
    }

    public void Add(CustomerRow row) =>
        Row("dim_customer")
            .AppendValue(row.CustomerId).AppendValue(row.CustomerCode).AppendValue(row.Name).AppendValue(row.Email)
            .AppendValue(row.Phone).AppendValue(row.City).AppendValue(row.RegionId).AppendValue(row.SegmentId)
            .AppendValue(row.OwnerRepId).AppendValue(row.AcquiredDate).AppendValue(row.AcquisitionChannelId)
            .AppendValue(row.AcquisitionCampaignId).AppendValue(_written.Customer(row.AcquiredDate, row.CustomerId))
            .EndRow();

    public void Add(in OrderRow row) =>
        Row(StagingOrder)
            .AppendValue(row.OrderId).AppendValue($"SO{row.OrderId:D9}").AppendValue(row.CustomerId).AppendValue(row.OrderDate)
            .AppendValue(row.RepId).AppendValue(row.TeamId).AppendValue(row.RegionId).AppendValue(row.SegmentId)
            .AppendValue(row.ChannelId).AppendValue(row.CategoryId).AppendValue(row.CampaignId).AppendValue(row.Revenue)
            .AppendValue(row.Cost).AppendValue(row.Items).AppendValue(row.ReturnedValue)
            .AppendValue(row.Cancelled ? "cancelled" : "completed").AppendValue(_written.During(row.OrderDate, row.OrderId, 1))
            .EndRow();

    public void Add(in TicketRow row) =>
        Row(StagingTicket)
            .AppendValue(row.TicketId).AppendValue($"TK{row.TicketId:D8}").AppendValue(row.CustomerId).AppendValue(row.Category)
            .AppendValue(row.Channel).AppendValue(row.SubmittedAt).AppendValue(row.FirstResponseAt).AppendValue(row.ResolvedAt)
            .AppendValue((sbyte)(row.IsComplaint ? 1 : 0)).AppendValue(row.AgentId).AppendValue(row.WaitSeconds).AppendValue(row.TalkSeconds)
            .AppendValue(_written.After(row.ResolvedAt ?? row.FirstResponseAt ?? row.SubmittedAt, row.TicketId, 2))
            .EndRow();

    public void Add(in SurveyRow row) =>
        Row(StagingSurvey)
            .AppendValue(row.SurveyId).AppendValue($"SV{row.SurveyId:D8}").AppendValue(row.CustomerId).AppendValue(row.SurveyDate)
            .AppendValue(row.Touchpoint).AppendValue(row.Csat).AppendValue(row.ServiceRating).AppendValue(row.Recommend)
            .AppendValue(_written.During(row.SurveyDate, row.SurveyId, 3))
            .EndRow();

    public void Add(in TouchRow row) =>
        Row(StagingTouch)
            .AppendValue(row.CampaignId).AppendValue(row.CustomerId).AppendValue(row.SentDate)
            .AppendValue((sbyte)(row.Responded ? 1 : 0)).AppendValue(row.RespondedDate).AppendValue((sbyte)(row.Converted ? 1 : 0))
            .AppendValue(_written.During(row.RespondedDate ?? row.SentDate, (row.CustomerId * 1000) + row.CampaignId, 4))
            .EndRow();

    public void Add(in SpendRow row) =>
        Row("fact_campaign_spend").AppendValue(row.CampaignId).AppendValue(row.SpendDate).AppendValue(row.Amount).EndRow();

    public void Add(in OpportunityRow row) =>
        Row("fact_opportunity")
            .AppendValue(row.OpportunityId).AppendValue($"OP{row.OpportunityId:D7}").AppendValue(row.RepId).AppendValue(row.CustomerId)
            .AppendValue(row.CreatedDate).AppendValue(row.ClosedDate).AppendValue(row.Stage).AppendValue(row.Amount)
            .AppendValue(_written.During(row.ClosedDate ?? row.CreatedDate, row.OpportunityId, 5))
            .EndRow();

    public void Add(in ActivityRow row) =>
        Row(StagingActivity)
            .AppendValue(row.ActivityId).AppendValue(row.RepId).AppendValue(row.CustomerId).AppendValue(row.ActivityDate).AppendValue(row.Kind)
            .AppendValue(_written.During(row.ActivityDate, row.ActivityId, 6))
            .EndRow();

    public void Add(in QuotaRow row) =>
        Row("fact_quota").AppendValue(row.RepId).AppendValue(row.MonthStart).AppendValue(row.Amount).AppendValue(row.TeamId).EndRow();

    /// <summary>Flushes every appender and moves the staged facts into their tables in date order.</summary>
    public void Complete()
    {
        CloseAppenders();
        using var command = _connection.CreateCommand();
        command.CommandText = string.Concat(Sorted.Select(s => $"INSERT INTO {s.Table} SELECT * FROM {s.Staging} ORDER BY {s.OrderBy}; DROP TABLE {s.Staging};"));
        command.ExecuteNonQuery();
    }

    public void Dispose() => CloseAppenders();

    private void AddNamed(string table, IEnumerable<NamedRow> rows)
    {
        foreach (var row in rows)
        {
            Row(table).AppendValue(row.Id).AppendValue(row.Name).EndRow();
        }
    }

    private IDuckDBAppenderRow Row(string table)
    {
        if (!_appenders.TryGetValue(table, out var appender))
        {
            appender = _connection.CreateAppender(table);
            _appenders[table] = appender;
        }
        return appender.CreateRow();
    }

    private void CloseAppenders()
    {
        foreach (var appender in _appenders.Values)
        {
            appender.Dispose();
        }
        _appenders.Clear();
    }
}
