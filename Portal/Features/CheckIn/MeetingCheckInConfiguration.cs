using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Features.Meetings;

namespace Portal.Features.CheckIn;

internal sealed class MeetingCheckInConfiguration : IEntityTypeConfiguration<MeetingCheckIn>
{
    public const int KeyLength = 32;

    public void Configure(EntityTypeBuilder<MeetingCheckIn> e)
    {
        e.HasKey(c => c.MeetingId);
        e.Property(c => c.Key).HasMaxLength(KeyLength);
        e.HasIndex(c => c.Key).IsUnique();
        e.HasOne<Meeting>().WithOne().HasForeignKey<MeetingCheckIn>(c => c.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
