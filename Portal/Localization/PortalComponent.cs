using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace Portal.Localization;

/// <summary>
/// What every page and component of the portal inherits (_Imports.razor): the reader's language, read once, when the
/// component is made, from the culture the request or circuit runs in.
/// </summary>
public abstract class PortalComponent : ComponentBase
{
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>True when the reader reads Thai; what <see cref="Bilingual.In"/> and the other readers of bilingual text take.</summary>
    protected bool ReadsThai { get; } = PortalCultures.IsThai();

    /// <summary>
    /// Re-renders after a change announced by someone else (an answer, a check-in): the announcement arrives on the
    /// thread, and culture, of whoever made it — an invitee reading English, say — so the work runs in this reader's.
    /// </summary>
    protected Task RefreshForReaderAsync(Func<Task> reload) => InvokeAsync(async () =>
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        try
        {
            await reload();
            StateHasChanged();
        }
        catch (ObjectDisposedException)
        {
            // The page closed while it was reading.
        }
    });
}
