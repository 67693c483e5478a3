namespace Portal.Tests.Infrastructure;

/// <summary>Tests that share one running portal (it takes a second or two to start).</summary>
[CollectionDefinition(nameof(ServerCollection))]
public class ServerCollection : ICollectionFixture<PortalServer>;
