using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Portal.Auth;
using Portal.Features.ActionItems;
using Portal.Features.CarryForward;
using Portal.Features.CheckIn;
using Portal.Features.Invitations;
using Portal.Features.Letters;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Features.Minutes;
using Portal.Features.Notifications;
using Portal.Features.Series;

namespace Portal.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that protect cookies and antiforgery tokens, shared by every instance of the portal on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingSeries> MeetingSeries => Set<MeetingSeries>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Attendee> Attendees => Set<Attendee>();
    public DbSet<MeetingReference> MeetingReferences => Set<MeetingReference>();
    public DbSet<MeetingTag> MeetingTags => Set<MeetingTag>();
    public DbSet<RelatedActivity> RelatedActivities => Set<RelatedActivity>();
    public DbSet<MeetingAttachment> MeetingAttachments => Set<MeetingAttachment>();
    public DbSet<ApprovedMinutes> ApprovedMinutes => Set<ApprovedMinutes>();
    public DbSet<ApprovedMinutesOrganization> ApprovedMinutesOrganizations => Set<ApprovedMinutesOrganization>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Features.Distribution.MinutesDelivery> MinutesDeliveries => Set<Features.Distribution.MinutesDelivery>();
    public DbSet<Letterhead> Letterheads => Set<Letterhead>();
    public DbSet<IssuedLetter> IssuedLetters => Set<IssuedLetter>();
    public DbSet<InvitationLetterText> InvitationLetterTexts => Set<InvitationLetterText>();
    public DbSet<MeetingCheckIn> MeetingCheckIns => Set<MeetingCheckIn>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionItemUpdate> ActionItemUpdates => Set<ActionItemUpdate>();
    public DbSet<CarriedItemNote> CarriedItemNotes => Set<CarriedItemNote>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    /// <summary>Who is signed in where: one row a sign-in, read on every request (<see cref="SignInSessionStore"/>).</summary>
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <summary>Who the audit log names for this context's changes; set by <see cref="PortalDbContextFactory"/>.</summary>
    public CurrentUser? CurrentUser { get; init; }
    /// <summary>Names the actor instead of <see cref="CurrentUser"/>, for changes no account makes (the anonymous check-in page).</summary>
    public AuditActor? Actor { get; set; }
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        if (Database.IsNpgsql())
        {
            // The Thai dictionary order SQLite gets from ThaiCollation, from ICU; substring search served by trigram indexes.
            builder.HasCollation(ThaiCollation.Name, locale: "th-TH", provider: "icu", deterministic: true);
            builder.HasPostgresExtension("pg_trgm");
            foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(ISearchable).IsAssignableFrom(e.ClrType)).ToList())
                builder.Entity(entity.ClrType).HasIndex(nameof(ISearchable.SearchText)).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var actor = Actor ?? (CurrentUser is null ? AuditActor.System : await CurrentUser.GetActorAsync());
        var pending = PrepareAudit();
        if (pending.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Keys of new rows are known only after the first save; the audit rows follow in the same transaction.
        var ownsTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(pending.Select(p => p.ToEntry(actor, UtcNow)));
        written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null)
            await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    private List<PendingAudit> PrepareAudit()
    {
        var pending = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.State != EntityState.Added && entry.Metadata.ClrType.GetCustomAttribute<AppendOnlyAttribute>() is { } appendOnly)
                throw new InvalidOperationException(appendOnly.Reason);
            StoredText.Clean(entry);
            // A save through Concurrency.SaveAsync has set the next version already.
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified && !entry.Property(nameof(IVersioned.Version)).IsModified)
                versioned.Version++;
            if (entry.Entity is ISearchable searchable)
                searchable.SearchText = searchable.BuildSearchText();
            if (IsAudited(entry.Metadata.ClrType))
            {
                var audit = PendingAudit.From(entry);
                if (audit is not null)
                    pending.Add(audit);
            }
        }
        return pending;
    }

    internal static bool IsAudited(Type entity) => entity.IsDefined(typeof(AuditedAttribute), inherit: false);

    /// <summary>An audit row waiting for its entity's key.</summary>
    private sealed record PendingAudit(EntityEntry Entry, AuditAction Action, Dictionary<string, object?> Changes)
    {
        private static readonly HashSet<string> Unaudited = [nameof(ISearchable.SearchText)];

        public static PendingAudit? From(EntityEntry entry)
        {
            var changes = new Dictionary<string, object?>();
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Updated,
            };
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (Unaudited.Contains(name) || property.Metadata.IsPrimaryKey())
                    continue;
                switch (entry.State)
                {
                    case EntityState.Added when property.CurrentValue is not null:
                        changes[name] = new { @new = Readable(property.CurrentValue) };
                        break;
                    case EntityState.Deleted:
                        changes[name] = new { old = Readable(property.OriginalValue) };
                        break;
                    case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                        changes[name] = new { old = Readable(property.OriginalValue), @new = Readable(property.CurrentValue) };
                        if (name == nameof(ISoftDeletable.DeletedAt))
                            action = property.CurrentValue is null ? AuditAction.Restored : AuditAction.Deleted;
                        break;
                }
            }
            foreach (var property in entry.Properties)
                if (property.IsModified && property.CurrentValue is not null && property.Metadata.PropertyInfo?.GetCustomAttribute<AuditedAsAttribute>() is { } auditedAs)
                    action = auditedAs.Action;
            return entry.State == EntityState.Modified && changes.Count == 0 ? null : new PendingAudit(entry, action, changes);
        }

        /// <summary>Enums by name, so the log reads "InReview" rather than 1 and survives reordering of the enum.</summary>
        private static object? Readable(object? value) => value is Enum e ? e.ToString() : value;

        public AuditEntry ToEntry(AuditActor actor, DateTime at) => new()
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.Name,
            EntityType = Entry.Metadata.ClrType.Name,
            EntityId = string.Join(",", Entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Entry.Property(p.Name).CurrentValue)),
            Action = Action,
            Changes = JsonSerializer.Serialize(Changes, AuditJson.Options),
        };
    }
}

public static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        // Thai stays readable in the stored JSON instead of \u0E01 escapes.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
