using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Localization;

namespace Portal.Features.Reports;

/// <summary>
/// The engagement report and each organization's engagement timeline, for KKTT's own users (never partners: the report
/// counts every organization's records). Every figure is counted by the database: grouped counts come back, not rows.
/// </summary>
public class ReportService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>Attendance that counts as engagement: there in person or on someone's behalf.</summary>
    private static readonly AttendanceStatus[] Attended = [AttendanceStatus.Present, AttendanceStatus.OnBehalf];

    public DateOnly Today => ActionDue.Today(clock);

    public async Task<EngagementReport> EngagementAsync(ReportQuery query, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var organizationId = query.OrganizationId;

        var meetings = db.Meetings.AsNoTracking().Where(m => m.Date >= query.From && m.Date <= query.To);
        if (organizationId is { } only)
            meetings = meetings.Where(m => m.HostOrganizationId == only || m.CoHosts.Any(c => c.OrganizationId == only)
                || m.Attendees.Any(a => a.OrganizationId == only && Attended.Contains(a.Status)));
        var byKind = await meetings.GroupBy(m => m.Kind)
            .Select(g => new { Kind = g.Key, Held = g.Sum(m => m.Date <= today ? 1 : 0), Planned = g.Sum(m => m.Date > today ? 1 : 0) })
            .ToListAsync(cancellationToken);

        // Who came to the meetings held; with one organization chosen, only its own people.
        var attendance = meetings.Where(m => m.Date <= today).SelectMany(m => m.Attendees, (m, a) => new { m.Id, m.Date, a.PersonId, a.OrganizationId, a.Status })
            .Where(a => Attended.Contains(a.Status));
        if (organizationId is { } own)
            attendance = attendance.Where(a => a.OrganizationId == own);
        // A join, not a lookup per attendee (measured in README: Benchmark of the engagement report).
        var engaged = await (from a in attendance
                             join o in db.Organizations.IgnoreQueryFilters() on a.OrganizationId equals o.Id into found
                             from o in found.DefaultIfEmpty()
                             select new { a.PersonId, a.OrganizationId, Kind = o == null ? null : (OrganizationKind?)o.Kind })
            .GroupBy(a => a.Kind)
            .Select(g => new { Kind = g.Key, Organizations = g.Select(a => a.OrganizationId).Distinct().Count(), People = g.Select(a => a.PersonId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        var organizationsEngaged = await attendance.Where(a => a.OrganizationId != null).Select(a => a.OrganizationId).Distinct().CountAsync(cancellationToken);
        var peopleEngaged = await attendance.Select(a => a.PersonId).Distinct().CountAsync(cancellationToken);
        var perOrganization = await attendance.Where(a => a.OrganizationId != null).GroupBy(a => a.OrganizationId!.Value)
            .Select(g => new { Id = g.Key, Meetings = g.Select(a => a.Id).Distinct().Count(), People = g.Select(a => a.PersonId).Distinct().Count(), Last = g.Max(a => a.Date) })
            .ToListAsync(cancellationToken);
        var ids = perOrganization.Select(p => p.Id).ToList();
        var names = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.NameTh, o.NameEn, o.Acronym, o.Kind }).ToDictionaryAsync(o => o.Id, cancellationToken);

        var chosen = organizationId is { } id
            ? await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == id).Select(o => new Bilingual(o.NameTh, o.NameEn)).FirstOrDefaultAsync(cancellationToken)
            : null;

        return new EngagementReport(query, today, chosen,
            [.. Enum.GetValues<MeetingKind>().Select(k => byKind.FirstOrDefault(b => b.Kind == k) is { } found
                ? new MeetingKindCount(k, found.Held, found.Planned) : new MeetingKindCount(k, 0, 0))],
            [.. engaged.Select(e => new EngagedByType(e.Kind, e.Organizations, e.People)).OrderBy(e => e.Kind is null).ThenBy(e => e.Kind)],
            organizationsEngaged, peopleEngaged,
            [.. perOrganization.Select(p => new PartnerAttendance(p.Id, new Bilingual(names[p.Id].NameTh, names[p.Id].NameEn), names[p.Id].Acronym,
                    names[p.Id].Kind, p.Meetings, p.People, p.Last))
                .OrderByDescending(p => p.Meetings).ThenByDescending(p => p.People).ThenBy(p => p.Name.Th, StringComparer.Ordinal)],
            await CommitmentsAsync(db, query, today, cancellationToken));
    }

    /// <summary>
    /// Items made in the period: at a meeting held in it, or, raised outside a meeting, due in it. Each is put in one
    /// class by the database and the classes are counted there.
    /// </summary>
    private static async Task<CommitmentCounts> CommitmentsAsync(PortalDbContext db, ReportQuery query, DateOnly today, CancellationToken cancellationToken)
    {
        var items = db.ActionItems.AsNoTracking().Where(i => i.Meeting != null
            ? i.Meeting.Date >= query.From && i.Meeting.Date <= query.To
            : i.DueDate >= query.From && i.DueDate <= query.To);
        if (query.OrganizationId is { } only)
            items = items.Where(i => i.Owners.Any(o => o.OrganizationId == only));
        // An item is done when its latest move to Done happened. Bangkok keeps UTC+7 all year (no daylight saving), so
        // the day it was done is the UTC time plus seven hours; done on its due date is on time. The latest move comes
        // from one grouped pass over the updates joined in, not a lookup per item (measured in README: Benchmark of the
        // engagement report).
        var lastDone = db.ActionItemUpdates.Where(u => u.StatusTo == ActionStatus.Done)
            .GroupBy(u => u.ActionItemId).Select(g => new { ItemId = g.Key, At = g.Max(u => (DateTime?)u.At) });
        var classes = await (from i in items
                             join d in lastDone on i.Id equals d.ItemId into found
                             from d in found.DefaultIfEmpty()
                             select new { i.Status, i.DueDate, DoneAt = d.At })
            .Select(i => new
            {
                Class = i.Status == ActionStatus.Cancelled ? CommitmentClass.Cancelled
                    : i.Status == ActionStatus.Done
                        ? i.DueDate == null ? CommitmentClass.DoneOnTime
                        : i.DoneAt == null ? CommitmentClass.DoneUndated
                        : DateOnly.FromDateTime(i.DoneAt.Value.AddHours(7)) <= i.DueDate ? CommitmentClass.DoneOnTime
                        : CommitmentClass.DoneLate
                    : i.DueDate < today ? CommitmentClass.Overdue
                    : CommitmentClass.Open,
            })
            .GroupBy(i => i.Class).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        int Count(CommitmentClass c) => classes.GetValueOrDefault(c);
        return new CommitmentCounts(Count(CommitmentClass.DoneOnTime), Count(CommitmentClass.DoneLate), Count(CommitmentClass.DoneUndated),
            Count(CommitmentClass.Overdue), Count(CommitmentClass.Open), Count(CommitmentClass.Cancelled));
    }

    private enum CommitmentClass { DoneOnTime, DoneLate, DoneUndated, Overdue, Open, Cancelled }

    /// <summary>
    /// An organization's engagement, newest first: the meetings it attended or hosted with who came for it, and the
    /// commitments it owns with their state. At most <paramref name="take"/> of each.
    /// </summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(int organizationId, int take = 30, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.HostOrganizationId == organizationId || m.CoHosts.Any(c => c.OrganizationId == organizationId)
                || m.Attendees.Any(a => a.OrganizationId == organizationId && Attended.Contains(a.Status)))
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime).Take(take)
            .Select(m => new
            {
                m.Id, m.Date, m.Kind, m.TitleTh, m.TitleEn,
                Hosted = m.HostOrganizationId == organizationId || m.CoHosts.Any(c => c.OrganizationId == organizationId),
                Contacts = m.Attendees.Where(a => a.OrganizationId == organizationId && Attended.Contains(a.Status)).OrderBy(a => a.Id)
                    .Select(a => new { a.Person!.Honorific, a.Person.GivenNameTh, a.Person.FamilyNameTh, a.Person.GivenNameEn, a.Person.FamilyNameEn }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var items = await db.ActionItems.AsNoTracking().Where(i => i.Owners.Any(o => o.OrganizationId == organizationId))
            .Select(i => new
            {
                i.Id, i.TitleTh, i.TitleEn, i.Status, i.DueDate, MeetingDate = i.Meeting != null ? (DateOnly?)i.Meeting.Date : null,
                DoneAt = i.Updates.Where(u => u.StatusTo == ActionStatus.Done).Max(u => (DateTime?)u.At),
            })
            .OrderByDescending(i => i.MeetingDate ?? i.DueDate).ThenByDescending(i => i.Id).Take(take)
            .ToListAsync(cancellationToken);

        var entries = new List<TimelineEntry>();
        entries.AddRange(meetings.Select(m => new TimelineEntry(m.Date, TimelineKind.Meeting, m.Id, new Bilingual(m.TitleTh, m.TitleEn), m.Kind,
            m.Date > today ? TimelineState.Planned : m.Hosted ? TimelineState.Hosted : TimelineState.Attended, null, null,
            [.. m.Contacts.Select(c => new Bilingual(PersonNames.Full(c.Honorific, c.GivenNameTh, c.FamilyNameTh, true),
                PersonNames.Full(c.Honorific, c.GivenNameEn, c.FamilyNameEn, false)))])));
        entries.AddRange(items.Select(i =>
        {
            var doneOn = i.DoneAt is { } at ? DateOnly.FromDateTime(ThaiDates.ToBangkok(at)) : (DateOnly?)null;
            var state = i.Status switch
            {
                ActionStatus.Done => i.DueDate is { } due && doneOn > due ? TimelineState.DoneLate : TimelineState.Done,
                ActionStatus.Cancelled => TimelineState.Cancelled,
                _ => ActionDue.IsOverdue(i.Status, i.DueDate, today) ? TimelineState.Overdue : TimelineState.Open,
            };
            return new TimelineEntry(i.MeetingDate ?? i.DueDate ?? doneOn ?? today, TimelineKind.Commitment, i.Id, new Bilingual(i.TitleTh, i.TitleEn),
                null, state, i.DueDate, doneOn, []);
        }));
        return [.. entries.OrderByDescending(e => e.Date).ThenBy(e => e.Kind)];
    }
}

public enum TimelineKind { Meeting, Commitment }

public enum TimelineState { Planned, Attended, Hosted, Open, Overdue, Done, DoneLate, Cancelled }

/// <summary>One line of an organization's engagement timeline: a meeting (with who came for it) or a commitment it owns.</summary>
public sealed record TimelineEntry(DateOnly Date, TimelineKind Kind, int Id, Bilingual Title, MeetingKind? MeetingKind, TimelineState State,
    DateOnly? Due, DateOnly? DoneOn, IReadOnlyList<Bilingual> Contacts);
