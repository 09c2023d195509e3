namespace CrmInsight.Domain.Contribution;

/// <summary>Named RFM segments (KPIS.md §1).</summary>
public enum RfmSegment
{
    Champions,
    Loyal,
    Potential,
    New,
    AtRisk,
    Hibernating,
    Lost,
}

/// <summary>
/// The score rules behind the segment names, checked in this order (R, F, M are 1–5, 5 best):
/// Champions R≥4, F≥4, M≥4 · Loyal R≥3, F≥4 · New R≥4, F=1 · Potential R≥4, F 2–3 ·
/// At risk R≤2, F≥3 · Lost R=1, F≤2 · Hibernating: everyone else.
/// </summary>
public static class RfmSegments
{
    public static RfmSegment Classify(int recency, int frequency, int monetary) => (recency, frequency, monetary) switch
    {
        ( >= 4, >= 4, >= 4) => RfmSegment.Champions,
        ( >= 3, >= 4, _) => RfmSegment.Loyal,
        ( >= 4, 1, _) => RfmSegment.New,
        ( >= 4, 2 or 3, _) => RfmSegment.Potential,
        ( <= 2, >= 3, _) => RfmSegment.AtRisk,
        (1, <= 2, _) => RfmSegment.Lost,
        _ => RfmSegment.Hibernating,
    };

    public static LocalizedText Name(this RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => new("Champions", "重要价值客户"),
        RfmSegment.Loyal => new("Loyal", "忠诚客户"),
        RfmSegment.Potential => new("Potential", "潜力客户"),
        RfmSegment.New => new("New", "新客户"),
        RfmSegment.AtRisk => new("At risk", "流失风险客户"),
        RfmSegment.Hibernating => new("Hibernating", "沉睡客户"),
        _ => new("Lost", "已流失客户"),
    };

    public static LocalizedText Rule(this RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => new("R ≥ 4, F ≥ 4, M ≥ 4", "R ≥ 4，F ≥ 4，M ≥ 4"),
        RfmSegment.Loyal => new("R ≥ 3, F ≥ 4", "R ≥ 3，F ≥ 4"),
        RfmSegment.New => new("R ≥ 4, F = 1", "R ≥ 4，F = 1"),
        RfmSegment.Potential => new("R ≥ 4, F 2–3", "R ≥ 4，F 为 2–3"),
        RfmSegment.AtRisk => new("R ≤ 2, F ≥ 3", "R ≤ 2，F ≥ 3"),
        RfmSegment.Lost => new("R = 1, F ≤ 2", "R = 1，F ≤ 2"),
        _ => new("everyone else", "其余客户"),
    };
}
