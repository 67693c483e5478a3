namespace Portal.Auth;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string Coordinator = "Coordinator";
    public const string Partner = "Partner";

    public static readonly IReadOnlyList<string> All = [Admin, Staff, Coordinator, Partner];
}

/// <summary>Authorization policies; pages name these, never raw role lists.</summary>
public static class Policies
{
    /// <summary>KKTT's own people: may browse the registers of organizations and people.</summary>
    public const string InternalUsers = nameof(InternalUsers);

    /// <summary>May create, edit and delete register records.</summary>
    public const string RegisterEditors = nameof(RegisterEditors);

    public const string Administrators = nameof(Administrators);

    public static readonly string[] InternalRoles = [Roles.Admin, Roles.Staff, Roles.Coordinator];
    public static readonly string[] EditorRoles = [Roles.Admin, Roles.Staff];

    public static void AddPortalPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(InternalUsers, p => p.RequireRole(InternalRoles));
        options.AddPolicy(RegisterEditors, p => p.RequireRole(EditorRoles));
        options.AddPolicy(Administrators, p => p.RequireRole(Roles.Admin));
    }
}
