namespace CrmInsight.Web.Security;

/// <summary>
/// Where a person lands after signing in when they asked for no page in particular (the root):
/// a sales lead on Sales targets — "will my teams make quota this month?" (KPIS.md §5) —, everyone
/// else on the Overview. A page asked for (a link, a return address) is kept.
/// </summary>
public static class LandingPage
{
    public const string SalesTargets = "/targets";

    public static string After(string destination, bool isSalesLead) =>
        isSalesLead && destination == "/" ? SalesTargets : destination;
}
