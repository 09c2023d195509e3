using CrmInsight.Domain.Security;
using CrmInsight.Web.Hosting;
using CrmInsight.Web.Live;
using Microsoft.AspNetCore.Components;

namespace CrmInsight.Web.Components.Pages;

/// <summary>Keys for the ingest API and wall displays, and the demo simulator's switch.</summary>
public sealed partial class AdminPage
{
    private IReadOnlyList<AccessKey> _keys = [];
    private AccessKeyKind _kind = AccessKeyKind.Display;
    private string? _name;
    private CreatedAccessKey? _created;
    private string? _problem;

    [Inject] private AccessKeyStore Keys { get; set; } = null!;
    [Inject] private SimulatorService Simulator { get; set; } = null!;
    [Inject] private DatabaseReadiness Readiness { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ILogger<AdminPage> Logger { get; set; } = null!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Readiness.IsReady)
        {
            await Guarded(async () => _keys = await Keys.ListAsync());
        }
    }

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
            await Guarded(async () =>
            {
                _created = await Keys.CreateAsync(_kind, _name ?? "");
                _name = null;
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
        await Guarded(() => Keys.RevokeAsync(id));
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

    private void ToggleSimulator(bool on) => Simulator.SetEnabled(on);

    private string WallAddress(string secret) => $"{Navigation.BaseUri}wall?key={Uri.EscapeDataString(secret)}";
}
