namespace Portal.Data;

/// <summary>
/// Every change to a record of this type goes to the audit log: who, when, and each field's old and new value
/// (<see cref="PortalDbContext"/>). Declared by the entity, so that moving a class never turns its audit on or off.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditedAttribute : Attribute;

/// <summary>
/// A property whose being given a value is an event of its own: the save that sets it is logged as <see cref="Action"/>
/// rather than as an update (or a deletion or restoration).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditedAsAttribute(AuditAction action) : Attribute
{
    public AuditAction Action { get; } = action;
}

/// <summary>Records that are only ever added: the data context refuses any save that changes or removes one, for <see cref="Reason"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AppendOnlyAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
