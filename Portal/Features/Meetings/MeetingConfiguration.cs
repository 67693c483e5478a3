using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Meetings;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.TitleTh).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(m => m.TitleEn).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(m => m.MinutesStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(m => m.RoomTh).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.RoomEn).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.BuildingTh).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.BuildingEn).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.ObjectivesTh).HasMaxLength(FieldLengths.Markdown);
        e.Property(m => m.ObjectivesEn).HasMaxLength(FieldLengths.Markdown);
        e.Property(m => m.CorrectionReason).HasMaxLength(FieldLengths.Reason);
        e.Property(m => m.ReturnReason).HasMaxLength(FieldLengths.Reason);
        e.Property(m => m.SubmittedById).HasMaxLength(450);
        e.HasOne(m => m.HostOrganization).WithMany().HasForeignKey(m => m.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Series).WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.PreviousMeeting).WithMany().HasForeignKey(m => m.PreviousMeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.CoHosts).WithOne().HasForeignKey(c => c.MeetingId);
        e.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(i => i.MeetingId);
        e.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId);
        e.HasMany(m => m.References).WithOne().HasForeignKey(r => r.MeetingId);
        e.HasMany(m => m.Tags).WithOne().HasForeignKey(t => t.MeetingId);
        e.HasMany(m => m.RelatedActivities).WithOne().HasForeignKey(r => r.MeetingId);
        e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MeetingId);
        e.HasMany(m => m.ApprovedVersions).WithOne().HasForeignKey(v => v.MeetingId);
        e.HasIndex(m => m.Date);
        e.HasQueryFilter(m => m.DeletedAt == null);
    }
}
