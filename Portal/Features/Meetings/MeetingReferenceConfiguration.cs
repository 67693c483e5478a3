using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Meetings;

internal sealed class MeetingReferenceConfiguration : IEntityTypeConfiguration<MeetingReference>
{
    public void Configure(EntityTypeBuilder<MeetingReference> e)
    {
        e.Property(r => r.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(r => r.Publisher).HasMaxLength(FieldLengths.Name);
        e.Property(r => r.Url).HasMaxLength(FieldLengths.Url);
        e.HasQueryFilter(r => r.DeletedAt == null);
    }
}
