namespace Portal.Data;

public class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }

    /// <summary>JSON object: property name → { "old": …, "new": … }.</summary>
    public string Changes { get; set; } = "{}";
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Restored,
    Anonymized,
    RolesChanged,
    SignedIn,
    SignInFailed,
    LockedOut,
    Exported,
    Imported,
}
