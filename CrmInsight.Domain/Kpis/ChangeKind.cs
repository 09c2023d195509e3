namespace CrmInsight.Domain.Kpis;

/// <summary>How the change against the comparison period is expressed.</summary>
public enum ChangeKind
{
    /// <summary>(value − comparison) / comparison: revenue +12 %.</summary>
    Relative,

    /// <summary>value − comparison on the KPI's own scale: retention +3.1 points, NPS +4.</summary>
    Points,
}
