using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Series;

internal sealed class MeetingSeriesConfiguration : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> e)
    {
        e.Property(s => s.NameTh).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(s => s.NameEn).HasMaxLength(FieldLengths.Title).IsRequired();
        e.HasOne(s => s.HostOrganization).WithMany().HasForeignKey(s => s.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasQueryFilter(s => s.DeletedAt == null);
    }
}
