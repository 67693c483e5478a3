using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Features.Organizations;

namespace Portal.Features.Minutes;

internal sealed class ApprovedMinutesOrganizationConfiguration : IEntityTypeConfiguration<ApprovedMinutesOrganization>
{
    public void Configure(EntityTypeBuilder<ApprovedMinutesOrganization> e)
    {
        e.HasKey(o => new { o.ApprovedMinutesId, o.OrganizationId });
        e.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // A partner's meetings start from its organization's rows.
        e.HasIndex(o => o.OrganizationId);
    }
}
