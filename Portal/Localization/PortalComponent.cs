using Microsoft.AspNetCore.Components;

namespace Portal.Localization;

/// <summary>
/// What every page and component of the portal inherits (_Imports.razor): the reader's language, read once, when the
/// component is made, from the culture the request or circuit runs in.
/// </summary>
public abstract class PortalComponent : ComponentBase
{
    /// <summary>True when the reader reads Thai; what <see cref="Bilingual.In"/> and the other readers of bilingual text take.</summary>
    protected bool ReadsThai { get; } = PortalCultures.IsThai();
}
