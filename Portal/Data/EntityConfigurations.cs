using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Auth;
using Portal.Features.Audit;
using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Data;

/// <summary>Column limits shared by the database schema and the editors' validation.</summary>
public static class FieldLengths
{
    public const int Name = 300;
    public const int Acronym = 30;
    public const int Province = 100;
    public const int Url = 500;
    public const int Notes = 4000;
    public const int PersonName = 100;
    public const int Position = 300;
    public const int Email = 254;
    public const int Phone = 40;
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.Property(o => o.NameTh).HasMaxLength(FieldLengths.Name).IsRequired();
        e.Property(o => o.NameEn).HasMaxLength(FieldLengths.Name).IsRequired();
        e.Property(o => o.Acronym).HasMaxLength(FieldLengths.Acronym);
        e.Property(o => o.Province).HasMaxLength(FieldLengths.Province);
        e.Property(o => o.Website).HasMaxLength(FieldLengths.Url);
        e.Property(o => o.Notes).HasMaxLength(FieldLengths.Notes);
        e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(40);
        e.HasOne(o => o.Parent).WithMany(o => o.Children).HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(o => o.NameTh);
        e.HasIndex(o => o.NameEn);
        e.HasQueryFilter(o => o.DeletedAt == null);
    }
}

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

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.UserName).HasMaxLength(256);
        e.Property(a => a.EntityType).HasMaxLength(100);
        e.Property(a => a.EntityId).HasMaxLength(100);
        e.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
