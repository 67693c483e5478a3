using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.ActionItems;

internal sealed class ActionItemUpdateConfiguration : IEntityTypeConfiguration<ActionItemUpdate>
{
    public void Configure(EntityTypeBuilder<ActionItemUpdate> e)
    {
        e.Property(u => u.Text).HasMaxLength(FieldLengths.Notes).IsRequired();
        e.Property(u => u.StatusFrom).HasConversion<string>().HasMaxLength(40);
        e.Property(u => u.StatusTo).HasConversion<string>().HasMaxLength(40);
        e.Property(u => u.AuthorName).HasMaxLength(256);
        e.Property(u => u.AttachmentFileName).HasMaxLength(FieldLengths.FileName);
        e.Property(u => u.AttachmentStoredName).HasMaxLength(100);
        e.Property(u => u.AttachmentContentType).HasMaxLength(100);
        e.HasIndex(u => new { u.ActionItemId, u.At });
    }
}
