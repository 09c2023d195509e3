using System.Security.Claims;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CrmInsight.Web.Api;

/// <summary>Sign-out, and the start of a sign-in with the identity provider.</summary>
public static class AuthEndpoints
{
    public const string SignOutPath = "/signout";
    public const string ProviderSignInPath = "/signin/provider";

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints, bool identityProvider)
    {
        // Signing out ends every sign-in and open screen of the user: the security stamp moves,
        // so other browsers' cookies fail their next check, and every circuit drops at once.
        endpoints.MapPost(SignOutPath, async (HttpContext context, SignInManager<UserAccount> signIn, UserSessions sessions, AuditLog audit) =>
        {
            if (await FormPosts.RejectForgedAsync(context) is { } forged)
            {
                return forged;
            }
            var principal = context.User;
            var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
            if (!principal.HasClaim(c => c.Type == CrmClaims.KeyId) && await signIn.UserManager.GetUserAsync(principal) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }
            await signIn.SignOutAsync();
            await context.SignOutAsync(AuthSchemes.Display);
            if (id is not null)
            {
                sessions.End(id);
                await audit.WriteAsync(principal.Identity?.Name ?? id, AuditActions.SignOut, address: context.Connection.RemoteIpAddress?.ToString());
            }
            return Results.Redirect("/signin");
        }).RequireAuthorization(Policies.SignedIn).DisableAntiforgery();

        if (!identityProvider)
        {
            return endpoints;
        }
        endpoints.MapGet(ProviderSignInPath, (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = PreferenceEndpoints.LocalOrRoot(returnUrl) }, [AuthSchemes.OpenIdConnect]))
            .AllowAnonymous();
        return endpoints;
    }
}
