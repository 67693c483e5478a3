using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Meetings;

internal sealed class MeetingTagConfiguration : IEntityTypeConfiguration<MeetingTag>
{
    public void Configure(EntityTypeBuilder<MeetingTag> e)
    {
        e.HasKey(t => new { t.MeetingId, t.Name });
        e.Property(t => t.Name).HasMaxLength(FieldLengths.Tag);
        e.HasIndex(t => t.Name);
        e.HasQueryFilter(t => t.DeletedAt == null);
    }
}
