using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.People;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.Property(p => p.GivenNameTh).HasMaxLength(FieldLengths.PersonName).IsRequired();
        e.Property(p => p.FamilyNameTh).HasMaxLength(FieldLengths.PersonName);
        e.Property(p => p.GivenNameEn).HasMaxLength(FieldLengths.PersonName);
        e.Property(p => p.FamilyNameEn).HasMaxLength(FieldLengths.PersonName);
        e.Property(p => p.PositionTh).HasMaxLength(FieldLengths.Position);
        e.Property(p => p.PositionEn).HasMaxLength(FieldLengths.Position);
        e.Property(p => p.Email).HasMaxLength(FieldLengths.Email);
        e.Property(p => p.Phone).HasMaxLength(FieldLengths.Phone);
        e.Property(p => p.Honorific).HasConversion<string>().HasMaxLength(40);
        e.Property(p => p.LegalBasis).HasConversion<string>().HasMaxLength(40);
        e.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasQueryFilter(p => p.DeletedAt == null);
    }
}
