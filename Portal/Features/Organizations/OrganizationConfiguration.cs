using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Features.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.Property(o => o.NameTh).HasMaxLength(FieldLengths.Name).IsRequired();
        e.Property(o => o.NameEn).HasMaxLength(FieldLengths.Name).IsRequired();
        e.Property(o => o.Acronym).HasMaxLength(FieldLengths.Acronym);
        e.Property(o => o.Aliases).HasMaxLength(FieldLengths.Aliases);
        e.Property(o => o.Province).HasMaxLength(FieldLengths.Province);
        e.Property(o => o.Website).HasMaxLength(FieldLengths.Url);
        e.Property(o => o.HeadPositionTh).HasMaxLength(FieldLengths.Position);
        e.Property(o => o.HeadPositionEn).HasMaxLength(FieldLengths.Position);
        e.Property(o => o.Notes).HasMaxLength(FieldLengths.Notes);
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(o => o.MinutesLanguage).HasConversion<string>().HasMaxLength(20);
        e.HasOne(o => o.Parent).WithMany(o => o.Children).HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(o => o.NameTh);
        e.HasIndex(o => o.NameEn);
        e.HasQueryFilter(o => o.DeletedAt == null);
    }
}
