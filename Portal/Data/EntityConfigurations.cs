using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Auth;
using Portal.Features.ActionItems;
using Portal.Features.Audit;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;

namespace Portal.Data;

/// <summary>Column limits shared by the database schema and the editors' validation.</summary>
public static class FieldLengths
{
    public const int Name = 300;
    public const int Acronym = 30;
    public const int Aliases = 300;
    public const int Province = 100;
    public const int Url = 500;
    public const int Notes = 4000;
    public const int PersonName = 100;
    public const int Position = 300;
    public const int Email = 254;
    public const int Phone = 40;
    public const int Title = 500;
    public const int Venue = 200;
    public const int Markdown = 20000;
    public const int Tag = 50;
    public const int Reason = 500;
    public const int FileName = 255;
}

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
        e.HasOne(u => u.Person).WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.TitleTh).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(m => m.TitleEn).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(m => m.MinutesStatus).HasConversion<string>().HasMaxLength(40);
        e.Property(m => m.RoomTh).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.RoomEn).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.BuildingTh).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.BuildingEn).HasMaxLength(FieldLengths.Venue);
        e.Property(m => m.ObjectivesTh).HasMaxLength(FieldLengths.Markdown);
        e.Property(m => m.ObjectivesEn).HasMaxLength(FieldLengths.Markdown);
        e.Property(m => m.CorrectionReason).HasMaxLength(FieldLengths.Reason);
        e.Property(m => m.ReturnReason).HasMaxLength(FieldLengths.Reason);
        e.Property(m => m.SubmittedById).HasMaxLength(450);
        e.HasOne(m => m.HostOrganization).WithMany().HasForeignKey(m => m.HostOrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.PreviousMeeting).WithMany().HasForeignKey(m => m.PreviousMeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.CoHosts).WithOne().HasForeignKey(c => c.MeetingId);
        e.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(i => i.MeetingId);
        e.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId);
        e.HasMany(m => m.References).WithOne().HasForeignKey(r => r.MeetingId);
        e.HasMany(m => m.Tags).WithOne().HasForeignKey(t => t.MeetingId);
        e.HasMany(m => m.RelatedActivities).WithOne().HasForeignKey(r => r.MeetingId);
        e.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.MeetingId);
        e.HasMany(m => m.ApprovedVersions).WithOne().HasForeignKey(v => v.MeetingId);
        e.HasIndex(m => m.Date);
        e.HasQueryFilter(m => m.DeletedAt == null);
    }
}

internal sealed class MeetingCoHostConfiguration : IEntityTypeConfiguration<MeetingCoHost>
{
    public void Configure(EntityTypeBuilder<MeetingCoHost> e)
    {
        e.HasKey(c => new { c.MeetingId, c.OrganizationId });
        e.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Property(i => i.TopicTh).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(i => i.TopicEn).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(i => i.DiscussionTh).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.DiscussionEn).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.ResolutionTh).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.ResolutionEn).HasMaxLength(FieldLengths.Markdown);
        e.HasOne(i => i.Presenter).WithMany().HasForeignKey(i => i.PresenterId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => new { i.MeetingId, i.Position });
        // Removed from the agenda, kept in the record: the audit log and action items raised from it still point at it.
        e.HasQueryFilter(i => i.DeletedAt == null);
    }
}

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

internal sealed class MeetingReferenceConfiguration : IEntityTypeConfiguration<MeetingReference>
{
    public void Configure(EntityTypeBuilder<MeetingReference> e)
    {
        e.Property(r => r.Title).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(r => r.Publisher).HasMaxLength(FieldLengths.Name);
        e.Property(r => r.Url).HasMaxLength(FieldLengths.Url);
        e.HasQueryFilter(r => r.DeletedAt == null);
    }
}

internal sealed class MeetingTagConfiguration : IEntityTypeConfiguration<MeetingTag>
{
    public void Configure(EntityTypeBuilder<MeetingTag> e)
    {
        e.HasKey(t => new { t.MeetingId, t.Name });
        e.Property(t => t.Name).HasMaxLength(FieldLengths.Tag);
        e.HasIndex(t => t.Name);
        e.HasQueryFilter(t => t.DeletedAt == null);
    }
}

internal sealed class RelatedActivityConfiguration : IEntityTypeConfiguration<RelatedActivity>
{
    public void Configure(EntityTypeBuilder<RelatedActivity> e)
    {
        e.Property(r => r.DescriptionTh).HasMaxLength(FieldLengths.Title);
        e.Property(r => r.DescriptionEn).HasMaxLength(FieldLengths.Title);
        e.HasOne(r => r.RelatedMeeting).WithMany().HasForeignKey(r => r.RelatedMeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasQueryFilter(r => r.DeletedAt == null);
    }
}

internal sealed class MeetingAttachmentConfiguration : IEntityTypeConfiguration<MeetingAttachment>
{
    public void Configure(EntityTypeBuilder<MeetingAttachment> e)
    {
        e.Property(a => a.FileName).HasMaxLength(FieldLengths.FileName);
        e.Property(a => a.ContentType).HasMaxLength(100);
        e.Property(a => a.StoredName).HasMaxLength(100);
        e.Property(a => a.Description).HasMaxLength(FieldLengths.Reason);
        e.Property(a => a.UploadedBy).HasMaxLength(256);
    }
}

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

internal sealed class ApprovedMinutesOrganizationConfiguration : IEntityTypeConfiguration<ApprovedMinutesOrganization>
{
    public void Configure(EntityTypeBuilder<ApprovedMinutesOrganization> e)
    {
        e.HasKey(o => new { o.ApprovedMinutesId, o.OrganizationId });
        e.HasOne<Organization>().WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // A partner's meetings start from its organization's rows.
        e.HasIndex(o => o.OrganizationId);
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> e)
    {
        e.Property(i => i.TitleTh).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(i => i.TitleEn).HasMaxLength(FieldLengths.Title).IsRequired();
        e.Property(i => i.DescriptionTh).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.DescriptionEn).HasMaxLength(FieldLengths.Markdown);
        e.Property(i => i.Priority).HasConversion<string>().HasMaxLength(40);
        e.Property(i => i.Status).HasConversion<string>().HasMaxLength(40);
        e.HasOne(i => i.Meeting).WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(i => i.AgendaItem).WithMany().HasForeignKey(i => i.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(i => i.Assignee).WithMany().HasForeignKey(i => i.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(i => i.Owners).WithOne().HasForeignKey(o => o.ActionItemId);
        e.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.ActionItemId);
        e.HasIndex(i => i.DueDate);
        e.HasIndex(i => i.Status);
        e.HasQueryFilter(i => i.DeletedAt == null);
    }
}

internal sealed class ActionItemOwnerConfiguration : IEntityTypeConfiguration<ActionItemOwner>
{
    public void Configure(EntityTypeBuilder<ActionItemOwner> e)
    {
        e.HasKey(o => new { o.ActionItemId, o.OrganizationId });
        e.HasOne(o => o.Organization).WithMany().HasForeignKey(o => o.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(o => o.OrganizationId);
    }
}

internal sealed class ActionItemUpdateConfiguration : IEntityTypeConfiguration<ActionItemUpdate>
{
    public void Configure(EntityTypeBuilder<ActionItemUpdate> e)
    {
        e.Property(u => u.Text).HasMaxLength(FieldLengths.Notes).IsRequired();
        e.Property(u => u.StatusFrom).HasConversion<string>().HasMaxLength(40);
        e.Property(u => u.StatusTo).HasConversion<string>().HasMaxLength(40);
        e.Property(u => u.AuthorName).HasMaxLength(256);
        e.Property(u => u.AttachmentFileName).HasMaxLength(FieldLengths.FileName);
        e.Property(u => u.AttachmentStoredName).HasMaxLength(100);
        e.Property(u => u.AttachmentContentType).HasMaxLength(100);
        e.HasIndex(u => new { u.ActionItemId, u.At });
    }
}

internal sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> e) => e.HasKey(r => r.Date);
}
