namespace Portal.Hosting;

/// <summary>
/// The address people reach the portal at, <c>Portal:PublicUrl</c>, for every link the portal writes into something
/// read elsewhere (calendar files, e-mails). Never the request's Host header: the client chooses that, and a link made
/// from it would carry whatever host an attacker sent into someone's calendar or inbox.
/// </summary>
public sealed class PublicAddress
{
    /// <summary>Where <c>./run.sh</c> serves the portal when nothing else is said.</summary>
    public const string Default = "http://localhost:5000/";

    public PublicAddress(IConfiguration configuration)
    {
        var configured = configuration["Portal:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
            configured = Default;
        if (!Uri.TryCreate(configured.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Portal:PublicUrl must be an absolute http or https address, not '{configured}'.");
        BaseUri = uri;
    }

    /// <summary>The portal's address, ending in <c>/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>An absolute link to a page of the portal, from its path (<c>action-items/7</c>).</summary>
    public string Link(string path) => new Uri(BaseUri, path.TrimStart('/')).ToString();

    /// <summary>
    /// The hosts whose requests are served. <c>AllowedHosts</c> when set (semicolon-separated, as ASP.NET Core reads it).
    /// Otherwise Production serves only the host of <c>Portal:PublicUrl</c> and the machine itself (a health check on
    /// loopback), so that a request naming any other host is refused with 400; elsewhere (Demo, Testing) every host.
    /// </summary>
    public static IReadOnlyList<string> AllowedHosts(IConfiguration configuration, bool production)
    {
        var configured = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (configured.Length > 0)
            return configured;
        if (!production)
            return ["*"];
        List<string> hosts = ["localhost", "127.0.0.1", "[::1]"];
        if (!string.IsNullOrWhiteSpace(configuration["Portal:PublicUrl"]))
            hosts.Insert(0, new PublicAddress(configuration).BaseUri.Host);
        return hosts;
    }

}
