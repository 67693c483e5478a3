namespace Portal.Tests.Infrastructure;

/// <summary>
/// Tests that change demo records other tests rely on (the World Bank's open item, the workshop's approved minutes, the
/// follow-up's invitations) run on a portal of their own, started for each test and disposed after it.
/// </summary>
public abstract class OwnServerTests : IAsyncLifetime
{
    protected PortalServer Server { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Server = new PortalServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
