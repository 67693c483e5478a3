using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Meetings;

internal sealed class AttendeeConfiguration : IEntityTypeConfiguration<Attendee>
{
    public void Configure(EntityTypeBuilder<Attendee> e)
    {
        e.Property(a => a.PositionTh).HasMaxLength(FieldLengths.Position);
        e.Property(a => a.PositionEn).HasMaxLength(FieldLengths.Position);
        e.Property(a => a.OnBehalfOf).HasMaxLength(FieldLengths.Position);
        e.Property(a => a.AbsenceReason).HasMaxLength(FieldLengths.Reason);
        e.Property(a => a.AbsenceReasonEn).HasMaxLength(FieldLengths.Reason);
        e.HasOne(a => a.OnBehalfOfPerson).WithMany().HasForeignKey(a => a.OnBehalfOfPersonId).OnDelete(DeleteBehavior.Restrict);
        e.Property(a => a.Role).HasConversion<string>().HasMaxLength(40);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        e.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // A person listed once per meeting; a removed (hidden) entry does not stop them being added again.
        e.HasIndex(a => new { a.MeetingId, a.PersonId }).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        e.HasQueryFilter(a => a.DeletedAt == null);
        e.HasIndex(a => a.OrganizationId);
    }
}
