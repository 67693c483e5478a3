using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;
using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Features.Distribution;

internal sealed class MinutesDeliveryConfiguration : IEntityTypeConfiguration<MinutesDelivery>
{
    public void Configure(EntityTypeBuilder<MinutesDelivery> e)
    {
        e.Property(d => d.Language).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.RecipientKind).HasConversion<string>().HasMaxLength(40);
        e.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        e.Property(d => d.RecipientName).HasMaxLength(FieldLengths.Name).IsRequired();
        e.Property(d => d.Address).HasMaxLength(FieldLengths.Email).IsRequired();
        e.Property(d => d.Reason).HasMaxLength(FieldLengths.Reason);
        e.Property(d => d.ByName).HasMaxLength(256);
        e.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // The meeting page lists a meeting's receipts; a retry asks which addresses of a version were already accepted.
        e.HasIndex(d => new { d.MeetingId, d.Version });
        e.HasIndex(d => d.PersonId);
        e.HasIndex(d => d.OrganizationId);
    }
}
