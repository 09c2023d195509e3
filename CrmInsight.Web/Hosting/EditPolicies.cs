using Microsoft.AspNetCore.Authorization;

namespace CrmInsight.Web.Hosting;

/// <summary>
/// Who may change scorecards and alert rules: one authorization policy per action, checked by
/// the pages and the API before any change. Sign-in binds the roles (Admin and Analyst edit
/// scorecards; they and a SalesLead edit alert rules). Which teams a rule may cover is the data
/// layer's rule (AlertStore with the editor's DataScope), not the policy's.
/// </summary>
public static class EditPolicies
{
    public const string Scorecard = "scorecard.edit";
    public const string Alerts = "alerts.edit";

    public static AuthorizationOptions AddEditPolicies(this AuthorizationOptions options)
    {
        // Until sign-in lands every visitor may edit, as every page is open today.
        options.AddPolicy(Scorecard, policy => policy.RequireAssertion(_ => true));
        options.AddPolicy(Alerts, policy => policy.RequireAssertion(_ => true));
        return options;
    }
}
