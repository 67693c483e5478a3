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

    /// <summary>
    /// The person in the register this account belongs to: what the portal shows for the account (timelines, "approved
    /// by", the minutes' signature lines) is that person's name and position, in the reader's language.
    /// </summary>
    public int? PersonId { get; set; }
    public Features.People.Person? Person { get; set; }
}
