using CrmInsight.Domain.Dimensions;
using CrmInsight.Domain.Filters;
using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using CrmInsight.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Keys for the ingest API, reading and wall displays (optionally limited to teams), and the demo simulator's switch. Admins only.</summary>
public sealed partial class AdminPage
{
    private IReadOnlyList<AccessKey> _keys = [];
    private IReadOnlyList<DimensionMember> _teams = [];
    private AccessKeyKind _kind = AccessKeyKind.Display;
    private IReadOnlyCollection<int> _keyTeams = [];
    private string? _name;
    private CreatedAccessKey? _created;
    private string? _problem;

    [Inject] private AccessKeyStore Keys { get; set; } = null!;
    [Inject] private SimulatorService Simulator { get; set; } = null!;
    [Inject] private DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private DimensionService Dimensions { get; set; } = null!;
    [Inject] private AuditLog Audit { get; set; } = null!;
    [Inject] private UserSessions Sessions { get; set; } = null!;
    [Inject] private ILogger<AdminPage> Logger { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Readiness.IsReady)
        {
            await Guarded(async () =>
            {
                _keys = await Keys.ListAsync();
                _teams = (await Dimensions.GetCatalogAsync(DataScope.All)).Members(DimensionKind.Team);
            });
        }
    }

    private async Task<string> ActorAsync() => (await AuthenticationState).User.Identity?.Name ?? "?";

    private async Task CreateAsync()
    {
        _problem = null;
        _created = null;
        if (!Readiness.IsReady)
        {
            _problem = Readiness.Message;
            return;
        }
        try
        {
            var actor = await ActorAsync();
            await Guarded(async () =>
            {
                _created = await Keys.CreateAsync(_kind, _name ?? "", IdSet.Of(_keyTeams), actor);
                _name = null;
                _keyTeams = [];
            });
        }
        catch (ArgumentException ex)
        {
            _problem = ex.Message; // the key store's own words about the name
        }
        await ReloadAsync();
    }

    private async Task RevokeAsync(int id)
    {
        _problem = null;
        var actor = await ActorAsync();
        await Guarded(async () =>
        {
            if (await Keys.RevokeAsync(id, actor))
            {
                Sessions.End(UserSessions.KeyPrincipalId(id)); // its walls go dark now, not at their next check
            }
        });
        await ReloadAsync();
    }

    // A database that does not answer is the page's error state, not a broken circuit; the
    // exception's text goes to the log only.
    private async Task Guarded(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or TimeoutException)
        {
            Logger.LogError(ex, "An Admin page action failed");
            _problem = L["The database did not answer; nothing was changed. Try again in a moment."];
        }
    }

    private async Task ToggleSimulator(bool on)
    {
        Simulator.SetEnabled(on);
        await Guarded(async () => await Audit.WriteAsync(await ActorAsync(), on ? AuditActions.SimulatorOn : AuditActions.SimulatorOff));
    }

    private string TeamNames(IdSet teams) =>
        teams.IsEmpty ? L["all teams"] : string.Join(", ", teams.Select(t => _teams.FirstOrDefault(m => m.Id == t)?.Name ?? $"#{t}"));

    private string KindText(AccessKeyKind kind) => kind switch
    {
        AccessKeyKind.Api => L["API (ingest)"],
        AccessKeyKind.Read => L["Read"],
        _ => L["Display"],
    };

    private string WallAddress(string secret) => $"{Navigation.BaseUri}wall?key={Uri.EscapeDataString(secret)}";
}
