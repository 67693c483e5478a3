namespace Portal.Localization;

/// <summary>Anchor type for the portal's one set of UI strings: SharedResource.resx (English) and SharedResource.th.resx (Thai).</summary>
public sealed class SharedResource;
