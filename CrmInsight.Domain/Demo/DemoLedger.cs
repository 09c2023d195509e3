namespace CrmInsight.Domain.Demo;

/// <summary>Running ids and the totals the generator needs after the customers are simulated
/// (rep revenue per month for quotas, acquisitions per campaign).</summary>
internal sealed class DemoLedger(DemoWorld world)
{
    private readonly int _firstMonth = MonthNumber(world.Start);

    public long NextOrderId;
    public long NextTicketId;
    public long NextSurveyId;
    public long NextOpportunityId;
    public long NextActivityId;

    public long Orders;
    public long Tickets;
    public long Surveys;
    public long Touches;

    /// <summary>[rep id, month index from the first month]: revenue credited to the rep.</summary>
    public decimal[,] RepRevenue { get; } = new decimal[world.Reps.Count + 1, MonthNumber(new DateOnly(world.Today.Year, 12, 1)) - MonthNumber(world.Start) + 1];

    public int MonthIndex(DateOnly date) => MonthNumber(date) - _firstMonth;

    public DateOnly MonthOf(int index) => new DateOnly(world.Start.Year, world.Start.Month, 1).AddMonths(index);

    public int MonthCount => RepRevenue.GetLength(1);

    private static int MonthNumber(DateOnly date) => (date.Year * 12) + date.Month - 1;
}
