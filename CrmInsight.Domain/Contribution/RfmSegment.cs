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

    /// <summary>The segment's name (resource key <c>rfm.&lt;segment&gt;.name</c>).</summary>
    public static LocalizedText Name(this RfmSegment segment) => new($"rfm.{segment}.name");

    /// <summary>The segment's rule in R, F and M scores (resource key <c>rfm.&lt;segment&gt;.rule</c>).</summary>
    public static LocalizedText Rule(this RfmSegment segment) => new($"rfm.{segment}.rule");
}
