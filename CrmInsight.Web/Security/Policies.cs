using CrmInsight.Domain.Security;
using Microsoft.AspNetCore.Authorization;

namespace CrmInsight.Web.Security;

/// <summary>
/// Who may open what. Every page and endpoint names one of these (or allows anonymous access:
/// the sign-in page, /healthz, static assets); a test enumerates the app's endpoints and
/// routable pages and fails on any without. The fallback policy (for what names none, such as
/// Blazor's own hub) still requires a signed-in principal with a known role.
/// </summary>
public static class Policies
{
    /// <summary>The dashboard pages: any person with a role (the data is scoped by <see cref="PrincipalScope"/>).</summary>
    public const string Viewer = "Viewer";

    /// <summary>CSV and XLSX exports: Admin, Analyst, SalesLead and read keys (an Executive reads but does not export).</summary>
    public const string Exporter = "Exporter";

    /// <summary>GET /api/kpis: any person with a role, and read keys.</summary>
    public const string ApiReader = "ApiReader";

    /// <summary>POST /api/ingest: ingest keys only.</summary>
    public const string Ingester = "Ingester";

    /// <summary>Users, keys, import, the simulator, the audit log.</summary>
    public const string Admin = "Admin";

    /// <summary>The wall: any person with a role, and display keys.</summary>
    public const string Wall = "Wall";

    /// <summary>
    /// Changing scorecards, their targets, thresholds and AHP matrices: Admin and Analyst (an
    /// Executive and a sales lead read the scorecard, they do not change it).
    /// </summary>
    public const string ScorecardEditor = "ScorecardEditor";

    /// <summary>
    /// Creating, changing and deleting alert rules: Admin, Analyst and SalesLead. A sales lead's
    /// rules cover their own teams only: that is the data layer's rule (AlertStore with the
    /// editor's DataScope), not the policy's.
    /// </summary>
    public const string AlertEditor = "AlertEditor";

    /// <summary>Signed in at all (the "no access" page, sign-out), whatever the role.</summary>
    public const string SignedIn = "SignedIn";

    public static IReadOnlyList<string> All { get; } = [Viewer, Exporter, ApiReader, Ingester, Admin, Wall, ScorecardEditor, AlertEditor, SignedIn];

    public static void Add(AuthorizationBuilder builder)
    {
        builder
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole([.. Roles.UserRoles, .. Roles.KeyRoles]).Build())
            .AddPolicy(Viewer, p => p.RequireAuthenticatedUser().RequireRole(Roles.UserRoles))
            .AddPolicy(Exporter, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Analyst, Roles.SalesLead, Roles.ReadKey))
            .AddPolicy(ApiReader, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.UserRoles, Roles.ReadKey]))
            .AddPolicy(Ingester, p => p.RequireAuthenticatedUser().RequireRole(Roles.IngestKey))
            .AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin))
            .AddPolicy(Wall, p => p.RequireAuthenticatedUser().RequireRole([.. Roles.UserRoles, Roles.DisplayKey]))
            .AddPolicy(ScorecardEditor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Analyst))
            .AddPolicy(AlertEditor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Analyst, Roles.SalesLead))
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
    }
}
