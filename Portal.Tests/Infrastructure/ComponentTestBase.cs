using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Auth;
using Portal.Hosting;
using Portal.Localization;

namespace Portal.Tests.Infrastructure;

/// <summary>bUnit over the portal's real services and a fresh SQLite file, signed in as staff.</summary>
public abstract class ComponentTestBase : IAsyncLifetime
{
    /// <summary>The feature services as the app wires them, so that a service added there reaches the components here too.</summary>
    private static readonly Type[] FeatureServices = [.. new ServiceCollection().AddFeatureServices().Select(d => d.ServiceType)];

    protected BunitContext Context { get; } = new();
    protected PortalHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await PortalHost.StartAsync();
        await Host.SignInAsRoleAsync(Roles.Staff);
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddLocalization();
        foreach (var service in FeatureServices)
            Context.Services.AddSingleton(service, Host.Services.GetRequiredService(service));
        Context.Render<MudPopoverProvider>();
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await Host.DisposeAsync();
    }
}
