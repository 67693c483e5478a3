namespace Portal.Auth;

/// <summary>
/// One sign-in, kept on the server: the sign-in cookie carries only its <see cref="Id"/>, so deleting the row ends the
/// session on every instance at its next request, whatever copies of the cookie are about.
/// </summary>
public class SignInSession
{
    /// <summary>256 random bits; unguessable, and never shown anywhere but inside the protected cookie.</summary>
    public string Id { get; set; } = "";

    public string UserId { get; set; } = "";

    /// <summary>The serialized authentication ticket: the user's claims and the cookie's issue and expiry times.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    /// <summary>When the ticket runs out; expired rows are deleted at the next sign-in of anyone.</summary>
    public DateTime ExpiresAt { get; set; }
}
