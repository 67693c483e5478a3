using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Tests.Unit;

/// <summary>
/// Which records the audit log follows, and which may never change once written, each entity declares for itself
/// (<see cref="AuditedAttribute"/>, <see cref="AppendOnlyAttribute"/>). These lists pin them, so that adding or dropping
/// one is a decision made here too, never the side effect of moving or adding a class.
/// </summary>
public class AuditedRecordsTests
{
    private static List<Type> EntityTypes()
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model.GetEntityTypes().Select(e => e.ClrType).ToList();
    }

    [Fact]
    public void The_audit_log_follows_exactly_the_records_of_the_features()
    {
        string[] audited =
        [
            "ActionItem", "ActionItemOwner", "ActionItemUpdate", "AgendaItem", "ApprovedMinutes", "ApprovedMinutesOrganization",
            "Attendee", "CarriedItemNote", "Invitation", "InvitationLetterText", "IssuedLetter", "Letterhead", "Meeting", "MeetingAttachment", "MeetingCoHost",
            "MeetingReference", "MeetingSeries", "MeetingTag", "MinutesDelivery", "Organization", "Person",
            "RelatedActivity", "ReminderRun",
        ];
        Assert.Equal(audited, EntityTypes().Where(PortalDbContext.IsAudited).Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_approved_minutes_and_their_receipts_are_append_only()
    {
        Assert.Equal(["ApprovedMinutes", "ApprovedMinutesOrganization", "MinutesDelivery"],
            EntityTypes().Where(t => t.IsDefined(typeof(AppendOnlyAttribute), inherit: false)).Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Only_anonymising_a_person_is_logged_as_an_event_of_its_own()
    {
        var marked = EntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.IsDefined(typeof(AuditedAsAttribute), inherit: true))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}: {((AuditedAsAttribute)p.GetCustomAttributes(typeof(AuditedAsAttribute), true)[0]).Action}");
        Assert.Equal(["Person.AnonymizedAt: Anonymized"], marked);
    }
}
