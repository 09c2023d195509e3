using CrmInsight.Domain.Targets;
using Microsoft.Extensions.Localization;

namespace CrmInsight.Web.Components.Targets;

/// <summary>How a target status reads and is coloured, in one place for the page, the bars and the wall.</summary>
public static class TargetStatusText
{
    public static string Label(this IStringLocalizer localizer, TargetStatus status) => localizer[status switch
    {
        TargetStatus.Ahead => "Ahead",
        TargetStatus.OnTrack => "On track",
        TargetStatus.AtRisk => "At risk",
        TargetStatus.Behind => "Behind",
        _ => "No quota",
    }];

    public static string CssClass(TargetStatus status) => status switch
    {
        TargetStatus.Ahead => "status-ahead",
        TargetStatus.OnTrack => "status-on-track",
        TargetStatus.AtRisk => "status-at-risk",
        TargetStatus.Behind => "status-behind",
        _ => "status-none",
    };
}
