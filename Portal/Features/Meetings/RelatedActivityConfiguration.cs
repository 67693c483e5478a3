using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Meetings;

internal sealed class RelatedActivityConfiguration : IEntityTypeConfiguration<RelatedActivity>
{
    public void Configure(EntityTypeBuilder<RelatedActivity> e)
    {
        e.Property(r => r.DescriptionTh).HasMaxLength(FieldLengths.Title);
        e.Property(r => r.DescriptionEn).HasMaxLength(FieldLengths.Title);
        e.HasOne(r => r.RelatedMeeting).WithMany().HasForeignKey(r => r.RelatedMeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasQueryFilter(r => r.DeletedAt == null);
    }
}
