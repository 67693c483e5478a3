using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.CarryForward;

internal sealed class CarriedItemNoteConfiguration : IEntityTypeConfiguration<CarriedItemNote>
{
    public void Configure(EntityTypeBuilder<CarriedItemNote> e)
    {
        e.Property(n => n.NoteTh).HasMaxLength(FieldLengths.Notes);
        e.Property(n => n.NoteEn).HasMaxLength(FieldLengths.Notes);
        e.HasIndex(n => new { n.MeetingId, n.ActionItemId }).IsUnique();
        e.HasOne(n => n.Meeting).WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(n => n.ActionItem).WithMany().HasForeignKey(n => n.ActionItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
