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

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        if (Readiness.IsReady)
        {
            _keys = await Keys.ListAsync();
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
            _created = await Keys.CreateAsync(_kind, _name ?? "");
            _name = null;
        }
        catch (ArgumentException ex)
        {
            _problem = ex.Message;
        }
        await ReloadAsync();
    }

    private async Task RevokeAsync(int id)
    {
        await Keys.RevokeAsync(id);
        await ReloadAsync();
    }

    private void ToggleSimulator(bool on) => Simulator.SetEnabled(on);

    private string WallAddress(string secret) => $"{Navigation.BaseUri}wall?key={Uri.EscapeDataString(secret)}";
}
