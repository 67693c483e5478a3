using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;
using Portal.Features.Meetings;
using Portal.Features.Organizations;

namespace Portal.Features.Letters;

internal sealed class LetterheadConfiguration : IEntityTypeConfiguration<Letterhead>
{
    public const int LogoBytes = 200 * 1024;

    public void Configure(EntityTypeBuilder<Letterhead> e)
    {
        e.Property(l => l.Id).ValueGeneratedNever();
        e.Property(l => l.SenderTh).HasMaxLength(FieldLengths.Name);
        e.Property(l => l.SenderEn).HasMaxLength(FieldLengths.Name);
        e.Property(l => l.AddressTh).HasMaxLength(FieldLengths.Reason);
        e.Property(l => l.AddressEn).HasMaxLength(FieldLengths.Reason);
        e.Property(l => l.NumberPrefixTh).HasMaxLength(FieldLengths.Acronym);
        e.Property(l => l.NumberPrefixEn).HasMaxLength(FieldLengths.Acronym);
        e.Property(l => l.SignatoryTh).HasMaxLength(FieldLengths.Name);
        e.Property(l => l.SignatoryEn).HasMaxLength(FieldLengths.Name);
        e.Property(l => l.SignatoryPositionTh).HasMaxLength(FieldLengths.Position);
        e.Property(l => l.SignatoryPositionEn).HasMaxLength(FieldLengths.Position);
        e.Property(l => l.ContactTh).HasMaxLength(FieldLengths.Reason);
        e.Property(l => l.ContactEn).HasMaxLength(FieldLengths.Reason);
        e.Property(l => l.Logo).HasMaxLength(LogoBytes);
        e.Property(l => l.LogoContentType).HasMaxLength(40);
    }
}

internal sealed class IssuedLetterConfiguration : IEntityTypeConfiguration<IssuedLetter>
{
    public void Configure(EntityTypeBuilder<IssuedLetter> e)
    {
        // Two letters never share a number, and a meeting's letter to an organization keeps the number it was given.
        e.HasIndex(l => new { l.Year, l.Number }).IsUnique();
        e.HasIndex(l => new { l.MeetingId, l.OrganizationId }).IsUnique();
        e.HasOne<Meeting>().WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InvitationLetterTextConfiguration : IEntityTypeConfiguration<InvitationLetterText>
{
    public void Configure(EntityTypeBuilder<InvitationLetterText> e)
    {
        e.HasKey(t => t.MeetingId);
        e.Property(t => t.MeetingId).ValueGeneratedNever();
        e.HasOne<Meeting>().WithOne().HasForeignKey<InvitationLetterText>(t => t.MeetingId);
        e.Property(t => t.ReferenceTh).HasMaxLength(FieldLengths.Reason);
        e.Property(t => t.ReferenceEn).HasMaxLength(FieldLengths.Reason);
        e.Property(t => t.PurposeTh).HasMaxLength(FieldLengths.Notes);
        e.Property(t => t.PurposeEn).HasMaxLength(FieldLengths.Notes);
        e.Property(t => t.EnclosuresTh).HasMaxLength(FieldLengths.Reason);
        e.Property(t => t.EnclosuresEn).HasMaxLength(FieldLengths.Reason);
    }
}
