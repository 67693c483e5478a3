using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Meetings;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Property(i => i.TopicTh).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(i => i.TopicEn).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(i => i.DiscussionTh).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.DiscussionEn).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.ResolutionTh).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.ResolutionEn).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.Confirmation).HasConversion<string>().HasMaxLength(40);
        e.Property(i => i.CorrectionsTh).HasMaxLength(CarryForward.CarryForwardService.MaxCorrections);
        e.Property(i => i.CorrectionsEn).HasMaxLength(CarryForward.CarryForwardService.MaxCorrections);
        e.HasOne(i => i.Presenter).WithMany().HasForeignKey(i => i.PresenterId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => new { i.MeetingId, i.Position });
        // Removed from the agenda, kept in the record: the audit log and action items raised from it still point at it.
        e.HasQueryFilter(i => i.DeletedAt == null);
    }
}
