using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Kpis;
using CrmInsight.Domain.Retention;

namespace CrmInsight.Domain.Targets;

/// <summary>The days of P as of today: all of it, what has gone by (today included) and what is left (today included).</summary>
public sealed record TargetCalendar(int PeriodDays, int ElapsedDays, int DaysLeft)
{
    /// <summary>KPIS.md's elapsed share: days of P up to and including today / days of P (1 for a past period).</summary>
    public decimal ElapsedShare => PeriodDays == 0 ? 0 : (decimal)ElapsedDays / PeriodDays;

    public bool HasEnded => DaysLeft == 0;

    public bool HasStarted => ElapsedDays > 0;
}

/// <summary>The headlines: everything in scope, then each team in scope with a quota or sales in P.</summary>
public sealed record TeamBoard(ResolvedPeriod Period, TargetCalendar Calendar, TargetStanding Total, IReadOnlyList<TargetStanding> Teams, long DataVersion);

/// <summary>One open stage of the pipeline funnel.</summary>
public sealed record StagePipeline(string Stage, LocalizedText Label, decimal Probability, long Opportunities, decimal Amount, decimal Weighted);

/// <summary>Everything the Sales targets page shows for a filter and scope, read at one data version.</summary>
/// <param name="Reps">The reps (a standing per rep and team) when one team or one rep is in focus; empty otherwise.</param>
public sealed record TargetsData(
    TeamBoard Board,
    KpiReport Kpis,
    IReadOnlyDictionary<string, IReadOnlyList<MonthlyPoint>> Sparklines,
    IReadOnlyList<TargetStanding> Reps,
    IReadOnlyList<StagePipeline> Stages,
    IReadOnlyList<KpiTrend> WinLoss,
    KpiTrend SalesCycle);
