using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Invitations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(40);
        e.Property(i => i.RepresentativeName).HasMaxLength(FieldLengths.Name);
        e.Property(i => i.RepresentativePosition).HasMaxLength(FieldLengths.Position);
        e.Property(i => i.RepresentativeContact).HasMaxLength(FieldLengths.Email);
        e.Property(i => i.DeclineReason).HasMaxLength(FieldLengths.Reason);
        e.Property(i => i.AnswerKey).HasMaxLength(64).IsRequired();
        e.HasOne(i => i.Meeting).WithMany().HasForeignKey(i => i.MeetingId);
        e.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        // A person is invited once per meeting; a removed invitation does not stop them being invited again.
        e.HasIndex(i => new { i.MeetingId, i.PersonId }).IsUnique().HasFilter("\"DeletedAt\" IS NULL AND \"PersonId\" IS NOT NULL");
        e.HasIndex(i => i.OrganizationId);
        e.HasQueryFilter(i => i.DeletedAt == null);
    }
}
