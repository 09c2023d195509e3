using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace CrmInsight.Web.Components.Shared;

/// <summary>
/// Blazor's <see cref="InputFile"/>, which takes a file chosen at any moment. InputFile wires its
/// change listener in script after its first render; a file chosen before that (a quick user, a
/// slow circuit) was silently lost. Once the listener is wired, a file already in the input is
/// handed over as if it had just been chosen.
/// </summary>
public sealed class FileInput : InputFile
{
    [Microsoft.AspNetCore.Components.Inject] private IJSRuntime Script { get; set; } = null!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await base.OnAfterRenderAsync(firstRender); // the first render wires the listener, and waits for it
        if (firstRender && Element is { } element)
        {
            await Script.InvokeVoidAsync("crmInsightFiles.takeChosen", element);
        }
    }
}
