using Microsoft.AspNetCore.Identity;
using Portal.Features.Organizations;

namespace Portal.Auth;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>Set for Partner users only: the one organization whose records they may see.</summary>
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
}
