using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Meetings;

internal sealed class MeetingAttachmentConfiguration : IEntityTypeConfiguration<MeetingAttachment>
{
    public void Configure(EntityTypeBuilder<MeetingAttachment> e)
    {
        e.Property(a => a.FileName).HasMaxLength(FieldLengths.FileName);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.StoredName).HasMaxLength(100);
        e.Property(a => a.Description).HasMaxLength(FieldLengths.Reason);
        e.Property(a => a.UploadedBy).HasMaxLength(256);
    }
}
