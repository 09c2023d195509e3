using System.Security.Claims;
using CrmInsight.Web.Api;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CrmInsight.Web.Components.Layout;

public sealed partial class MainLayout : IAsyncDisposable
{
    internal static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f5fd0",
            Secondary = "#00897b",
            AppbarBackground = "#1f3b73",
            Background = "#f5f7fb",
            Success = "#2e7d32",
            Error = "#c62828",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7aa2ff",
            Secondary = "#4db6ac",
            AppbarBackground = "#161b26",
            Background = "#0f131b",
            Surface = "#171c27",
            DrawerBackground = "#131824",
            Success = "#66bb6a",
            Error = "#ef5350",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Noto Sans CJK SC", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };

    private bool _drawerOpen = true;
    private bool _darkMode;
    private IJSObjectReference? _preferences;

    [CascadingParameter(Name = "InitialDarkMode")]
    private bool InitialDarkMode { get; set; }

    protected override void OnInitialized() => _darkMode = InitialDarkMode;

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private async Task ToggleThemeAsync()
    {
        _darkMode = !_darkMode;
        _preferences ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/preferences.js");
        await _preferences.InvokeVoidAsync("setTheme", PreferenceEndpoints.ThemeCookie, _darkMode ? "dark" : "light");
    }

    /// <summary>The language is fixed for a circuit, so switching posts the culture form (App.razor) and reloads the page.</summary>
    private async Task SetCultureAsync(string culture)
    {
        var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        await SubmitAsync("culture-form", new Dictionary<string, string> { ["culture"] = culture, ["redirectUri"] = here });
    }

    /// <summary>Signing out is a form post with the antiforgery token (App.razor's sign-out form).</summary>
    private Task SignOutAsync() => SubmitAsync("signout-form", []);

    private async Task SubmitAsync(string form, Dictionary<string, string> fields)
    {
        _preferences ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/preferences.js");
        await _preferences.InvokeVoidAsync("submitForm", form, fields);
    }

    private string RoleText(ClaimsPrincipal user) =>
        user.FindAll(ClaimTypes.Role).Select(c => L.Label(c.Value)).FirstOrDefault() ?? L["no role"];

    public async ValueTask DisposeAsync()
    {
        if (_preferences is not null)
        {
            try
            {
                await _preferences.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; nothing to release in the browser.
            }
        }
    }
}
