using CrmInsight.Domain.Security;
using Microsoft.Extensions.Localization;

namespace CrmInsight.Web.Security;

/// <summary>A role as people read it, in the UI's language.</summary>
public static class RoleLabels
{
    public static string Label(this IStringLocalizer L, string role) => role switch
    {
        Roles.Admin => L["Administrator"],
        Roles.Executive => L["Executive"],
        Roles.Analyst => L["Analyst"],
        Roles.SalesLead => L["Sales lead"],
        Roles.ReadKey => L["Read key"],
        Roles.DisplayKey => L["Display key"],
        Roles.IngestKey => L["Ingest key"],
        _ => role,
    };
}
