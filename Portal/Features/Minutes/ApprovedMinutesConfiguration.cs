using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Minutes;

internal sealed class ApprovedMinutesConfiguration : IEntityTypeConfiguration<ApprovedMinutes>
{
    public void Configure(EntityTypeBuilder<ApprovedMinutes> e)
    {
        e.Property(v => v.ApprovedByName).HasMaxLength(256);
        e.Property(v => v.CorrectionReason).HasMaxLength(FieldLengths.Reason);
        e.Property(v => v.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(v => v.TitleTh).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(v => v.TitleEn).HasMaxLength(FieldLengths.Title).IsRequired();
        e.HasIndex(v => new { v.MeetingId, v.Version }).IsUnique();
        e.HasMany(v => v.AttendingOrganizations).WithOne().HasForeignKey(o => o.ApprovedMinutesId);
    }
}
