using System.Globalization;
using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Admins create users, give them a role (and a sales lead their teams), disable and re-enable them and reset passwords, through <see cref="UserAdministration"/>.</summary>
public sealed partial class UsersPage
{
    private IReadOnlyList<UserAccount> _users = [];
    private IReadOnlyList<DimensionMember> _allTeams = [];
    private string? _editing;
    private string? _name;
    private string _role = Roles.Analyst;
    private IReadOnlyCollection<int> _teams = [];
    private string? _newPassword;
    private string? _problem;
    private string? _password;
    private string? _passwordFor;

    [Inject] private UserAdministration Users { get; set; } = null!;
    [Inject] private DimensionService Dimensions { get; set; } = null!;
    [Inject] private DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Readiness.IsReady)
        {
            _users = await Users.ListAsync();
            _allTeams = (await Dimensions.GetCatalogAsync(DataScope.All)).Members(DimensionKind.Team);
        }
    }

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "?";

    private IdSet ChosenTeams => _role == Roles.SalesLead ? IdSet.Of(_teams) : IdSet.Empty;

    private async Task CreateAsync()
    {
        var password = string.IsNullOrEmpty(_newPassword) ? null : _newPassword;
        await ApplyAsync(await Users.CreateAsync(_name ?? "", _role, ChosenTeams, password, await ActorAsync()), _name);
        if (_problem is null)
        {
            _name = null;
            _newPassword = null;
            _teams = [];
        }
    }

    private void Edit(UserAccount user)
    {
        _editing = user.UserName;
        _role = user.Role;
        _teams = [.. user.Teams];
        _problem = null;
        _password = null;
    }

    private void CancelEdit()
    {
        _editing = null;
        _teams = [];
    }

    private async Task SaveAsync()
    {
        await ApplyAsync(await Users.SetRoleAsync(_editing!, _role, ChosenTeams, await ActorAsync()), _editing);
        if (_problem is null)
        {
            CancelEdit();
        }
    }

    private async Task DisableAsync(UserAccount user) => await ApplyAsync(await Users.DisableAsync(user.UserName, await ActorAsync()), user.UserName);

    private async Task EnableAsync(UserAccount user) => await ApplyAsync(await Users.EnableAsync(user.UserName, await ActorAsync()), user.UserName);

    private async Task ResetPasswordAsync(UserAccount user) => await ApplyAsync(await Users.ResetPasswordAsync(user.UserName, null, await ActorAsync()), user.UserName);

    private async Task ApplyAsync(UserChangeResult result, string? who)
    {
        _problem = result.Succeeded ? null : string.Join(" ", result.Errors);
        _password = result.GeneratedPassword;
        _passwordFor = who;
        await ReloadAsync();
    }

    private string TeamNames(UserAccount user) =>
        user.Teams.IsEmpty ? L["none (sees nothing)"] : string.Join(", ", user.Teams.Select(t => _allTeams.FirstOrDefault(m => m.Id == t)?.Name ?? $"#{t}"));

    private string Status(UserAccount user) =>
        user.IsDisabled ? L["Disabled"]
        : user.LockoutEndsAt is { } end && end > Time.GetUtcNow().UtcDateTime ? L["Locked until {0}", TimeZoneInfo.ConvertTimeFromUtc(end, Time.LocalTimeZone).ToString("t", CultureInfo.CurrentCulture)]
        : L["Active"];
}
