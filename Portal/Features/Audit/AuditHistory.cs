using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.People;
using Portal.Localization;

namespace Portal.Features.Audit;

/// <summary>One entry of the audit log as a person reads it: who by name, which record by name, and per field "old → new".</summary>
public sealed record AuditRecord(
    long Id, DateTime At, string ActorName, string? ActorEmail, AuditAction Action, string EntityType, string EntityId, string KindLabel,
    string? RecordName, IReadOnlyList<AuditChange> Changes);

/// <summary>A changed field: its label in the reader's language and its values as text (choices by label, references by name).</summary>
public sealed record AuditChange(string Label, string? Old, string? New, bool HasOld, bool HasNew);

/// <summary>
/// Turns stored audit rows (property names and raw values as JSON) into what a reader understands. Labels come from the
/// editors' own resource keys ("Meeting.Date", "Organization.ParentId"); the value types from the data model.
/// </summary>
internal sealed class AuditHistory(PortalDbContext db, bool thai)
{
    private readonly Dictionary<string, Dictionary<int, string>> names = new();
    private readonly Dictionary<string, string> accountNames = new();

    /// <summary>Property names that hold the id of another record, and which kind of record.</summary>
    private static string? ReferenceTarget(string property) => property switch
    {
        "ParentId" or "OrganizationId" or "HostOrganizationId" => "Organization",
        "PersonId" or "PresenterId" or "AssigneeId" or "OnBehalfOfPersonId" or "RepresentedPersonId" => "Person",
        "MeetingId" or "PreviousMeetingId" or "RelatedMeetingId" => "Meeting",
        "AgendaItemId" => "AgendaItem",
        "ActionItemId" => "ActionItem",
        _ => null,
    };

    /// <summary>Property names that hold a sign-in account's id (a text key, not a number).</summary>
    private static bool IsAccountReference(string property) => property is "SubmittedById" or "ApprovedById" or "AuthorUserId" or "UserId";

    /// <summary>The resource prefix of each record kind's field labels, where it is not the kind's own name.</summary>
    private static string LabelPrefix(string entityType) => entityType switch
    {
        "AgendaItem" => "Agenda",
        "ApplicationUser" => "User",
        "ActionItemUpdate" => "ActionItem",
        _ => entityType,
    };

    public async Task<List<AuditRecord>> ReadAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var parsed = entries.Select(e => (Entry: e, Fields: Parse(e.Changes))).ToList();
        // Every id the page mentions, looked up once per kind of record.
        var wanted = new Dictionary<string, HashSet<int>>();
        void Want(string? kind, string? id)
        {
            if (kind is null || !int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return;
            (wanted.TryGetValue(kind, out var set) ? set : wanted[kind] = []).Add(number);
        }
        foreach (var (entry, fields) in parsed)
        {
            Want(entry.EntityType, entry.EntityId);
            foreach (var field in fields)
            {
                Want(ReferenceTarget(field.Name), field.Old);
                Want(ReferenceTarget(field.Name), field.New);
            }
        }
        foreach (var (kind, ids) in wanted)
            names[kind] = await NamesAsync(kind, [.. ids], cancellationToken);
        var userIds = entries.Select(e => e.UserId).OfType<string>()
            .Concat(parsed.SelectMany(p => p.Fields).Where(f => IsAccountReference(f.Name)).SelectMany(f => new[] { f.Old, f.New }).OfType<string>())
            .Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var user in users.Values)
            accountNames[user.Id] = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.Id : user.DisplayName;

        return parsed.Select(p =>
        {
            var (entry, fields) = p;
            var user = entry.UserId is { } userId && users.TryGetValue(userId, out var found) ? found : null;
            var actor = !string.IsNullOrWhiteSpace(user?.DisplayName) ? user.DisplayName
                : entry.UserId is null && entry.UserName == AuditActor.System.Name ? BilingualText.Get("Audit.System", thai)
                : entry.UserId is null && entry.UserName == CheckIn.CheckInService.Actor.Name ? BilingualText.Get("CheckIn.AuditActor", thai) : entry.UserName;
            var email = user?.Email ?? (entry.UserName.Contains('@') ? entry.UserName : null);
            return new AuditRecord(entry.Id, entry.At, actor, email == actor ? null : email, entry.Action, entry.EntityType, entry.EntityId,
                KindLabel(entry.EntityType), Name(entry.EntityType, entry.EntityId) ?? (entry.EntityType == "SignIn" ? entry.EntityId : null),
                [.. fields.Select(f => new AuditChange(Label(entry.EntityType, f.Name), Value(entry.EntityType, f.Name, f.Old),
                    Value(entry.EntityType, f.Name, f.New), f.HasOld, f.HasNew))]);
        }).ToList();
    }

    public string KindLabel(string entityType) => Resource($"AuditEntity.{entityType}") ?? entityType;

    private string Label(string entityType, string property) =>
        Resource($"{LabelPrefix(entityType)}.{property}") ?? Resource($"{entityType}.{property}") ?? Resource($"AuditField.{property}") ?? property;

    private string? Resource(string key) => BilingualText.Get(key, thai) is var text && text != key ? text : null;

    private string? Name(string kind, string? id) =>
        id is not null && names.TryGetValue(kind, out var known) && int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && known.TryGetValue(number, out var name) ? name : null;

    private string? Value(string entityType, string property, string? raw)
    {
        if (raw is null) return null;
        if (ReferenceTarget(property) is { } target)
            return Name(target, raw) ?? $"#{raw}";
        if (IsAccountReference(property))
            return accountNames.GetValueOrDefault(raw) ?? BilingualText.Get("Audit.RemovedAccount", thai);
        var type = PropertyType(entityType, property);
        // Entries about no stored record (a PDF export) carry their flags as JSON true and false.
        if (type is null && bool.TryParse(raw, out var loose))
            return BilingualText.Get(loose ? "Audit.Yes" : "Audit.No", thai);
        if (type is null) return raw;
        type = Nullable.GetUnderlyingType(type) ?? type;
        var culture = thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;
        if (type.IsEnum)
            return Resource($"{type.Name}.{raw}") ?? raw;
        if (type == typeof(bool) && bool.TryParse(raw, out var flag))
            return BilingualText.Get(flag ? "Audit.Yes" : "Audit.No", thai);
        if (type == typeof(DateOnly) && DateOnly.TryParse(raw, CultureInfo.InvariantCulture, out var date))
            return ThaiDates.LongDate(date, culture);
        if (type == typeof(DateTime) && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return ThaiDates.DateTime(at, culture);
        if (type == typeof(TimeOnly) && TimeOnly.TryParse(raw, CultureInfo.InvariantCulture, out var time))
            return time.ToString("HH:mm", CultureInfo.InvariantCulture);
        return raw;
    }

    private Type? PropertyType(string entityType, string property) =>
        db.Model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType)?.FindProperty(property)?.ClrType;

    private async Task<Dictionary<int, string>> NamesAsync(string kind, List<int> ids, CancellationToken cancellationToken) => kind switch
    {
        "Organization" => (await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id, o => o.DisplayName(thai)),
        "Person" => (await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken))
            .ToDictionary(p => p.Id, p => PersonNames.Full(p, thai)),
        "Meeting" => (await db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Id, m => $"{ThaiDates.LongDate(m.Date, thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture)} · {m.Title(thai)}"),
        "AgendaItem" => (await db.AgendaItems.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => thai || string.IsNullOrWhiteSpace(a.TopicEn) ? a.TopicTh : a.TopicEn),
        "ActionItem" => (await db.ActionItems.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            .ToDictionary(a => a.Id, a => a.Title(thai)),
        "ActionItemUpdate" => await db.ActionItemUpdates.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Join(db.ActionItems.IgnoreQueryFilters(), u => u.ActionItemId, a => a.Id, (u, a) => new { u.Id, a.TitleTh, a.TitleEn })
            .ToDictionaryAsync(u => u.Id,
                u => thai || string.IsNullOrWhiteSpace(u.TitleEn) ? u.TitleTh : u.TitleEn, cancellationToken),
        "Attendee" => (await db.Attendees.IgnoreQueryFilters().AsNoTracking().Include(a => a.Person).Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
            .Where(a => a.Person is not null).ToDictionary(a => a.Id, a => PersonNames.Full(a.Person!, thai)),
        _ => [],
    };

    private sealed record Field(string Name, string? Old, string? New, bool HasOld, bool HasNew);

    private static List<Field> Parse(string json)
    {
        var fields = new List<Field>();
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return fields;
            // The record's version counter changes with every save and tells a reader nothing.
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Name != "Version"))
            {
                var value = property.Value;
                if (value.ValueKind == JsonValueKind.Object && (value.TryGetProperty("old", out _) || value.TryGetProperty("new", out _)))
                {
                    var hasOld = value.TryGetProperty("old", out var old);
                    var hasNew = value.TryGetProperty("new", out var @new);
                    fields.Add(new Field(property.Name, hasOld ? Text(old) : null, hasNew ? Text(@new) : null, hasOld, hasNew));
                }
                else
                    fields.Add(new Field(property.Name, null, Text(value), false, true));
            }
        }
        catch (JsonException)
        {
            fields.Add(new Field("Changes", null, json, false, true));
        }
        return fields;
    }

    private static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };
}
