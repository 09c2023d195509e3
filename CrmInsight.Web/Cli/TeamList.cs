using System.Globalization;
using CrmInsight.Domain.Filters;

namespace CrmInsight.Web.Cli;

/// <summary>"1,2": the team ids of <c>--teams</c>.</summary>
public static class TeamList
{
    public static bool TryParse(string? text, out IdSet teams)
    {
        teams = IdSet.Empty;
        var ids = new List<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return false;
            }
            ids.Add(id);
        }
        teams = IdSet.Of(ids);
        return true;
    }
}
