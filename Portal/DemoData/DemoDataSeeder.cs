using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Features.Users;
using Portal.Features.Minutes;
using Portal.Features.Series;
using Portal.Features.CheckIn;
using Portal.Features.Invitations;

namespace Portal.DemoData;

/// <summary>Loads the workshop's organizations, people and the demo accounts into an empty database. Never in Production.</summary>
public static class DemoDataSeeder
{
    public const string Password = "Kktt-Demo-2567!";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? OrganizationAcronym)> Accounts =
    [
        ("admin@kktt.demo", "Admin (demo)", Roles.Admin, DemoOrganizations.Kktt),
        ("staff@kktt.demo", "Staff (demo)", Roles.Staff, DemoOrganizations.Kktt),
        ("coordinator@kktt.demo", "Coordinator (demo)", Roles.Coordinator, DemoOrganizations.Kktt),
        ("partner.worldbank@kktt.demo", "World Bank partner (demo)", Roles.Partner, DemoOrganizations.WorldBank),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var dbFactory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Organizations.IgnoreQueryFilters().AnyAsync(cancellationToken))
            return;

        var organizations = DemoOrganizations.All.Select(o => new Organization
        {
            NameTh = o.NameTh, NameEn = o.NameEn, Acronym = o.Acronym, Aliases = o.Aliases, Kind = o.Kind, Website = o.Website, Province = o.Province,
        }).ToDictionary(o => o.Acronym!);
        db.Organizations.AddRange(organizations.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (unit, parent) in DemoOrganizations.Parents)
            organizations[unit].ParentId = organizations[parent].Id;
        foreach (var (acronym, (th, en)) in DemoLetterhead.HeadPositions)
            (organizations[acronym].HeadPositionTh, organizations[acronym].HeadPositionEn) = (th, en);
        db.Letterheads.Add(DemoLetterhead.Kktt());

        var people = new Dictionary<string, Person>();
        foreach (var entry in DemoPeople.All)
        {
            var p = entry.Person;
            people[p.GivenNameEn] = db.People.Add(new Person
            {
                Honorific = p.Honorific, GivenNameTh = p.GivenNameTh, FamilyNameTh = p.FamilyNameTh, GivenNameEn = p.GivenNameEn,
                FamilyNameEn = p.FamilyNameEn, PositionTh = p.PositionTh, PositionEn = p.PositionEn, LegalBasis = p.LegalBasis,
                OrganizationId = organizations[entry.OrganizationAcronym].Id,
            }).Entity;
        }
        await db.SaveChangesAsync(cancellationToken);

        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var (email, name, role, acronym) in Accounts)
        {
            if (await userManager.FindByEmailAsync(email) is not null) continue;
            var user = UserService.NewUser(email, name, acronym is null ? null : organizations[acronym].Id);
            var result = await userManager.CreateAsync(user, Password);
            if (!result.Succeeded)
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await userManager.AddToRoleAsync(user, role);
        }

        var coordinator = await userManager.FindByEmailAsync("coordinator@kktt.demo");
        var staff = await userManager.FindByEmailAsync("staff@kktt.demo");
        var (visit, workshop) = await SeedMeetingsAsync(db, organizations, people, staff?.Id, new AuditActor(coordinator?.Id, coordinator?.UserName ?? "system"), cancellationToken);
        var accounts = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        await SeedActionItemsAsync(db, organizations, people, visit, workshop, accounts, ActionDue.Today(db.Clock), cancellationToken);
        await DemoDistribution.SeedAsync(db, organizations, workshop, new AuditActor(staff?.Id, staff?.UserName ?? "system"), cancellationToken);
    }

    private static async Task SeedActionItemsAsync(PortalDbContext db, Dictionary<string, Organization> organizations, Dictionary<string, Person> people,
        Meeting visit, Meeting workshop, Dictionary<string, string> accounts, DateOnly today, CancellationToken cancellationToken)
    {
        var at = db.UtcNow.AddDays(-3);
        foreach (var entry in DemoActionItems.All())
        {
            var item = entry.Item;
            var meeting = entry.FromWorkshop ? workshop : visit;
            item.MeetingId = meeting.Id;
            item.AgendaItemId = entry.AgendaPosition is { } position ? meeting.AgendaItems.Single(a => a.Position == position).Id : null;
            item.AssigneeId = entry.AssigneeGivenNameEn is { } name ? people[name].Id : null;
            item.DueDate = entry.DueInDays is { } days ? today.AddDays(days) : null;
            item.Owners = entry.Owners.Select(o => new ActionItemOwner { OrganizationId = organizations[o].Id }).ToList();
            var status = ActionStatus.Open;
            foreach (var (author, text, to) in entry.Updates)
            {
                at = at.AddHours(5);
                item.Updates.Add(new ActionItemUpdate { AuthorName = author, AuthorUserId = accounts.GetValueOrDefault(author), Text = text, At = at, StatusFrom = to is null ? null : status, StatusTo = to });
                status = to ?? status;
            }
            db.ActionItems.Add(item);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedInvitationsAsync(PortalDbContext db, Dictionary<string, Organization> organizations, Meeting followUp,
        CancellationToken cancellationToken)
    {
        var (sentAt, answeredAt) = (db.UtcNow.AddDays(-3), db.UtcNow.AddDays(-1));
        foreach (var acronym in DemoMeetings.WorkshopOrganizations.Where(a => a != DemoOrganizations.Kktt))
        {
            var organizationId = organizations[acronym].Id;
            var contacts = await db.People.Where(p => p.OrganizationId == organizationId).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
            for (var i = 0; i < contacts.Count; i++)
            {
                var invitation = InvitationService.New(followUp.Id, organizationId, contacts[i]);
                invitation.SentAt = sentAt;
                if (i == 0 && DemoInvitations.Answers.TryGetValue(acronym, out var answer))
                    answer.ApplyTo(invitation, answeredAt);
                db.Invitations.Add(invitation);
                await InvitationService.ExcuseIfDeclinedAsync(db, invitation, cancellationToken);
            }
        }
        db.InvitationLetterTexts.Add(DemoInvitations.LetterText(followUp.Id));
        db.MeetingCheckIns.Add(new MeetingCheckIn { MeetingId = followUp.Id, Key = CheckInService.NewKey(), CreatedAt = db.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<(Meeting Visit, Meeting Workshop)> SeedMeetingsAsync(PortalDbContext db, Dictionary<string, Organization> organizations,
        Dictionary<string, Person> people, string? recorderId, AuditActor approver, CancellationToken cancellationToken)
    {
        Attendee Attend(Person person, string acronym, AttendeeRole role) => new()
        {
            Person = person, OrganizationId = organizations[acronym].Id, PositionTh = person.PositionTh, PositionEn = person.PositionEn,
            Role = role, Status = AttendanceStatus.Present,
        };

        var visit = DemoMeetings.ScopcVisit();
        visit.HostOrganizationId = organizations[DemoOrganizations.Kktt].Id;
        visit.CoHosts = [new MeetingCoHost { OrganizationId = organizations[DemoOrganizations.Scopc].Id }];
        visit.Attendees =
        [
            Attend(people["Rawee"], DemoOrganizations.Kku, AttendeeRole.Chair),
            Attend(people["Wanida"], DemoOrganizations.Kku, AttendeeRole.Presenter),
            Attend(people["Melinda"], DemoOrganizations.WorldBank, AttendeeRole.Participant),
        ];
        visit.AgendaItems[0].Presenter = people["Rawee"];
        visit.AgendaItems[1].Presenter = people["Wanida"];
        db.Meetings.Add(visit);

        var series = DemoMeetings.Series();
        series.HostOrganizationId = organizations[DemoOrganizations.Kktt].Id;
        db.MeetingSeries.Add(series);

        var workshop = DemoMeetings.Workshop();
        workshop.HostOrganizationId = organizations[DemoOrganizations.Kktt].Id;
        workshop.Series = series;
        workshop.Number = 1;
        workshop.CoHosts = [new MeetingCoHost { OrganizationId = organizations[DemoOrganizations.WorldBank].Id }];
        foreach (var acronym in DemoMeetings.WorkshopOrganizations)
        {
            var attendee = DemoMeetings.NamedAttendees.TryGetValue(acronym, out var named)
                ? Attend(people[named.GivenNameEn], acronym, named.Role)
                : Attend(db.People.Add(DemoMeetings.Representative(organizations[acronym])).Entity, acronym, AttendeeRole.Participant);
            workshop.Attendees.Add(attendee);
        }
        workshop.AgendaItems[0].Presenter = people["Suradech"];
        workshop.AgendaItems[1].Presenter = people["Melinda"];
        workshop.AgendaItems[2].Presenter = people["Suradech"];
        workshop.RelatedActivities.Insert(0, new RelatedActivity { RelatedMeeting = visit });
        db.Meetings.Add(workshop);
        visit.SubmittedById = workshop.SubmittedById = recorderId;
        await db.SaveChangesAsync(cancellationToken);

        // Both meetings took place and their minutes were approved; a correction would open version 2.
        foreach (var meeting in new[] { visit, workshop })
        {
            var approved = await MinutesService.FreezeAsync(db, meeting, approver, cancellationToken);
            // Approved the day before the workshop's minutes were sent (DemoDistribution: this morning), not as the demo loads.
            approved.ApprovedAt = db.UtcNow.AddDays(-1).AddHours(-6);
            db.ApprovedMinutes.Add(approved);
            meeting.MinutesStatus = MinutesStatus.Approved;
        }
        await db.SaveChangesAsync(cancellationToken);

        // The series' next meeting, made as the new-meeting page makes one from the standard agenda, with the workshop's
        // attendees as the people expected (as a copy of the previous meeting brings them), and then prepared: invited,
        // partly answered, its letters written and its check-in page ready.
        var followUp = DemoMeetings.FollowUp(ActionDue.Today(db.Clock));
        var numbered = await SeriesService.SuggestAsync(db, series.Id, followUp.Date, null, cancellationToken);
        (followUp.Number, followUp.PreviousMeetingId) = (numbered.Number, numbered.PreviousMeetingId);
        followUp.HostOrganizationId = workshop.HostOrganizationId;
        followUp.Series = series;
        followUp.AgendaItems = MeetingStarts.StandardAgenda(workshop);
        followUp.Attendees = workshop.Attendees.OrderBy(a => a.Role).ThenBy(a => a.Id).Select(a => new Attendee
        {
            PersonId = a.PersonId, OrganizationId = a.OrganizationId, PositionTh = a.PositionTh, PositionEn = a.PositionEn, Role = a.Role,
        }).ToList();
        followUp.SubmittedById = null;
        db.Meetings.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        await SeedInvitationsAsync(db, organizations, followUp, cancellationToken);
        return (visit, workshop);
    }
}
