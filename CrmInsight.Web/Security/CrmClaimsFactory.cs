using System.Globalization;
using System.Security.Claims;
using CrmInsight.Domain.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Security;

/// <summary>
/// The claims a signed-in user carries: Identity's (id, name, security stamp) plus the role and,
/// for a sales lead, one claim per team. <see cref="PrincipalScope"/> reads them.
/// </summary>
public sealed class CrmClaimsFactory(UserManager<UserAccount> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<UserAccount>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UserAccount user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.Role.Length > 0)
        {
            identity.AddClaim(new Claim(Options.ClaimsIdentity.RoleClaimType, user.Role));
        }
        if (user.Role == Roles.SalesLead)
        {
            identity.AddClaims(user.Teams.Select(t => new Claim(CrmClaims.Team, t.ToString(CultureInfo.InvariantCulture))));
        }
        return identity;
    }
}

/// <summary>Identity's sign-in, refusing disabled accounts.</summary>
public sealed class CrmSignInManager(
    UserManager<UserAccount> users,
    IHttpContextAccessor context,
    IUserClaimsPrincipalFactory<UserAccount> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<UserAccount>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UserAccount> confirmation)
    : SignInManager<UserAccount>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(UserAccount user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// A cookie's periodic check: the stamp must still match and the account must still be
    /// enabled, so an account disabled without its stamp moving (by hand in the database) loses
    /// its cookie at the next check too, as its open screens do.
    /// </summary>
    public override async Task<UserAccount?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsDisabled: false } user ? user : null;
}
