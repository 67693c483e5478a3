using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Features.ActionItems;

internal sealed class ActionItemOwnerConfiguration : IEntityTypeConfiguration<ActionItemOwner>
{
    public void Configure(EntityTypeBuilder<ActionItemOwner> e)
    {
        e.HasKey(o => new { o.ActionItemId, o.OrganizationId });
        e.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(o => o.OrganizationId);
    }
}
