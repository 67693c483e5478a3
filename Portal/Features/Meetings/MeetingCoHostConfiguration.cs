using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Features.Meetings;

internal sealed class MeetingCoHostConfiguration : IEntityTypeConfiguration<MeetingCoHost>
{
    public void Configure(EntityTypeBuilder<MeetingCoHost> e)
    {
        e.HasKey(c => new { c.MeetingId, c.OrganizationId });
        e.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
