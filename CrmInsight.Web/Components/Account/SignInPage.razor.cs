using CrmInsight.Domain.Security;
using CrmInsight.Web.Api;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CrmInsight.Web.Components.Account;

/// <summary>
/// The sign-in form: a plain server-rendered form post (it sets the cookie), checked by Identity's
/// SignInManager — password hash, lockout after <c>Auth:MaxFailedSignIns</c> failures, disabled
/// accounts refused — with every attempt written to the audit log. Failures say the same thing
/// whether the name exists or not.
/// </summary>
public sealed partial class SignInPage
{
    private string? _message;

    [Inject] private SignInManager<UserAccount> SignIn { get; set; } = null!;
    [Inject] private AuditLog Audit { get; set; } = null!;
    [Inject] private DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IOptions<AuthOptions> Auth { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromForm(FormName = "signin")]
    private SignInInput Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    private string Destination => PreferenceEndpoints.LocalOrRoot(ReturnUrl);

    private bool ForWall => Destination.StartsWith(DisplayKeySignIn.WallPath, StringComparison.OrdinalIgnoreCase);

    private string HereUri => "/" + Navigation.ToBaseRelativePath(Navigation.Uri);

    private string ProviderHref => $"{AuthEndpoints.ProviderSignInPath}?returnUrl={Uri.EscapeDataString(Destination)}";

    protected override void OnInitialized() => Input ??= new();


    private async Task SignInAsync()
    {
        Input ??= new();
        if (!Readiness.IsReady)
        {
            _message = L["The database is starting; try again in a moment."];
            return;
        }
        var name = Input.UserName?.Trim() ?? "";
        if (name.Length == 0 || string.IsNullOrEmpty(Input.Password))
        {
            _message = L["Enter your user name and password."];
            return;
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var result = await SignIn.PasswordSignInAsync(name, Input.Password, Input.Remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await SignIn.UserManager.FindByNameAsync(name);
            if (user is not null)
            {
                user.LastSignInAt = Time.GetUtcNow().UtcDateTime;
                await SignIn.UserManager.UpdateAsync(user);
                await Audit.WriteAsync(user.UserName, AuditActions.SignIn, address: address);
            }
            Navigation.NavigateTo(LandingPage.After(Destination, user?.Role == Roles.SalesLead));
            return;
        }
        if (result.IsLockedOut)
        {
            await Audit.WriteAsync(name, AuditActions.LockedOut, address: address);
            _message = L["Too many failed attempts: this account is locked for a while. Try again later or ask an admin to reset the password."];
            return;
        }
        await Audit.WriteAsync(name, AuditActions.SignInFailed, detail: result.IsNotAllowed ? "account disabled" : null, address: address);
        _message = L["The user name or password is not right, or the account is disabled."];
    }
}
