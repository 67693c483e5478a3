using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;
using Portal.Features.Minutes;
using Portal.Localization;

namespace Portal.Tests.Integration;

/// <summary>
/// A partner sees exactly what was approved, never the live draft: a correction that adds or removes the partner's
/// organization, marks it absent or rewrites the particulars changes nothing for the partner — in any list, search,
/// calendar, download or page — until it is approved, and then it does. Each test has an organization of its own, so
/// the partner's lists hold only the meeting under test.
/// </summary>
[Collection(nameof(ServerCollection))]
public class PartnerApprovedViewTests(PortalServer server)
{
    private static readonly DateOnly MeetingDate = new(2031, 3, 12);

    /// <summary>A meeting approved once and reopened for correction, and a partner account of an organization of its own.</summary>
    private sealed record Scenario(int MeetingId, int AttachmentId, int? AttendeeId, int PersonId, int OrganizationId, string PartnerEmail, HttpClient Partner);

    /// <summary>What the partner must be shown of the meeting: the approved title in both languages and words to find it by.</summary>
    private sealed record Shown(string TitleTh, string TitleEn, DateOnly Date, params string[] SearchWords);

    private static string NewTag() => "t" + Guid.NewGuid().ToString("N")[..8];

    private static MeetingForm Particulars(string tag, string word) => new()
    {
        TitleTh = $"ประชุมทดสอบ {word}{tag}", TitleEn = $"Test meeting {word}{tag}", Date = MeetingDate.ToDateTime(TimeOnly.MinValue),
        StartTime = new TimeSpan(10, 0, 0), EndTime = new TimeSpan(12, 0, 0), RoomTh = $"ห้อง {word}room{tag}", RoomEn = $"Room {word}room{tag}",
        ObjectivesTh = $"วัตถุประสงค์ {word}aim{tag}", ObjectivesEn = $"Objective {word}aim{tag}",
    };

    private static Shown Approved(string tag, string word, DateOnly? date = null) =>
        new($"ประชุมทดสอบ {word}{tag}", $"Test meeting {word}{tag}", date ?? MeetingDate, $"{word}{tag}", $"{word}room{tag}", $"{word}aim{tag}");

    /// <summary>
    /// A meeting whose first minutes were approved with the partner's representative listed as <paramref name="status"/>
    /// (or not listed), with a file attached, now reopened for correction.
    /// </summary>
    private async Task<Scenario> CorrectionUnderWayAsync(string tag, AttendanceStatus? status)
    {
        int organizationId, personId, hostId;
        await using (var scope = server.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var organization = db.Organizations.Add(new Organization { NameTh = $"หน่วยงาน {tag}", NameEn = $"Agency {tag}", Acronym = tag.ToUpperInvariant() }).Entity;
            await db.SaveChangesAsync();
            var person = db.People.Add(new Person { GivenNameTh = "ทดสอบ", FamilyNameTh = tag, GivenNameEn = "Test", FamilyNameEn = tag, OrganizationId = organization.Id }).Entity;
            await db.SaveChangesAsync();
            (organizationId, personId) = (organization.Id, person.Id);
            hostId = await db.Organizations.Where(o => o.Acronym == "KKTT").Select(o => o.Id).SingleAsync();
        }
        var email = await server.NewAccountAsync(Roles.Partner, tag.ToUpperInvariant());

        var (meetingId, attendeeId, attachmentId) = await server.AsDemoUserAsync(Roles.Staff, async services =>
        {
            var form = Particulars(tag, "first");
            form.HostOrganizationId = hostId;
            var id = (await services.GetRequiredService<MeetingService>().SaveAsync(null, form)).Id!.Value;
            int? attendee = status is { } listed
                ? (await services.GetRequiredService<AttendanceService>().SaveAsync(id, null, Attending(personId, organizationId, listed))).Id
                : null;
            var file = await services.GetRequiredService<AttachmentService>().AddAsync(id, "notes.pdf", new MemoryStream("%PDF-1.7\n%%EOF\n"u8.ToArray()), null);
            Assert.True(file.Succeeded);
            return (id, attendee, file.Id!.Value);
        });
        await ApproveAsync(meetingId);
        await TakeStepAsync(Roles.Staff, meetingId, MinutesTransition.StartCorrection, "แก้ไขรายงาน");
        return new Scenario(meetingId, attachmentId, attendeeId, personId, organizationId, email, await server.SignedInClientAsync(email));
    }

    private static AttendeeForm Attending(int personId, int organizationId, AttendanceStatus status) => new()
    {
        PersonId = personId, OrganizationId = organizationId, Status = status,
        OnBehalfOf = status == AttendanceStatus.OnBehalf ? "ผู้อำนวยการ" : null, AbsenceReason = status == AttendanceStatus.Absent ? "ติดราชการ" : null,
    };

    /// <summary>Sends the draft for review and approves it, as staff and a coordinator would.</summary>
    private async Task ApproveAsync(int meetingId)
    {
        await TakeStepAsync(Roles.Staff, meetingId, MinutesTransition.SubmitForReview);
        await TakeStepAsync(Roles.Coordinator, meetingId, MinutesTransition.Approve);
    }

    private async Task TakeStepAsync(string role, int meetingId, MinutesTransition step, string? reason = null) =>
        Assert.True((await server.AsDemoUserAsync(role, services => services.GetRequiredService<MinutesService>().TransitionAsync(meetingId, step, reason))).IsValid);

    private async Task EditDraftAsync(Func<IServiceProvider, Task<bool>> edit) =>
        Assert.True(await server.AsDemoUserAsync(Roles.Staff, edit));

    private static ListQuery Search(string? words) => new(words, 0, 100, null, false);

    /// <summary>Every page, list and download the partner has, showing the meeting exactly as <paramref name="shown"/> and none of <paramref name="neverShown"/>.</summary>
    private async Task AssertPartnerSeesAsync(Scenario s, Shown shown, params string[] neverShown)
    {
        var (rows, month, upcoming, searches, hidden) = await PartnerListsAsync(s, shown.Date, shown.SearchWords, neverShown);
        var row = Assert.Single(rows);
        Assert.Equal((s.MeetingId, shown.TitleTh, shown.TitleEn, shown.Date, MinutesStatus.Approved), (row.Id, row.TitleTh, row.TitleEn, row.Date, row.Status));
        Assert.Equal(shown.TitleTh, Assert.Single(month).TitleTh);
        Assert.Equal(shown.TitleTh, Assert.Single(upcoming).TitleTh);
        Assert.All(searches, found => Assert.Equal(s.MeetingId, Assert.Single(found).Id));
        Assert.All(hidden, Assert.Empty);

        var page = await PageAsync(s, $"/meetings/{s.MeetingId}");
        Assert.Contains(shown.TitleTh, page);
        var feed = await PageAsync(s, "/meetings/calendar.ics");
        Assert.Contains(shown.TitleTh, feed);
        var entry = await PageAsync(s, $"/meetings/{s.MeetingId}/calendar.ics");
        Assert.Contains(shown.TitleTh, entry);
        Assert.Contains("DTSTART:" + shown.Date.ToString("yyyyMMdd"), entry);
        Assert.Equal("%PDF-1.7\n%%EOF\n", await PageAsync(s, $"/meetings/{s.MeetingId}/attachments/{s.AttachmentId}"));
        var preview = await PageAsync(s, $"/meetings/{s.MeetingId}/minutes?lang=bilingual");
        Assert.Contains(shown.TitleTh, preview);
        Assert.Contains(shown.TitleEn, preview);
        Assert.DoesNotContain("DRAFT", preview);
        var minutes = await PdfTextAsync(s, $"/meetings/{s.MeetingId}/minutes.pdf?lang=en");
        Assert.Contains(Squeezed(shown.TitleEn), minutes);
        var sheet = await PdfTextAsync(s, $"/meetings/{s.MeetingId}/attendance-sheet.pdf");
        Assert.Contains(Squeezed(shown.TitleTh), sheet);
        foreach (var (what, text) in new[] { ("page", page), ("feed", feed), ("entry", entry), ("preview", preview), ("minutes", minutes), ("sheet", sheet) })
            foreach (var word in neverShown)
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase) || text.Contains(Squeezed(word), StringComparison.OrdinalIgnoreCase),
                    $"The partner's {what} shows the unapproved \"{word}\".");
    }

    /// <summary>Every page, list and download the partner has, none of them showing or answering for the meeting.</summary>
    private async Task AssertPartnerSeesNothingAsync(Scenario s, Shown approved, params string[] neverShown)
    {
        var (rows, month, upcoming, searches, hidden) = await PartnerListsAsync(s, approved.Date, approved.SearchWords, neverShown);
        Assert.Empty(rows);
        Assert.Empty(month);
        Assert.Empty(upcoming);
        Assert.All(searches, Assert.Empty);
        Assert.All(hidden, Assert.Empty);

        var page = await PageAsync(s, $"/meetings/{s.MeetingId}");
        var feed = await PageAsync(s, "/meetings/calendar.ics");
        foreach (var word in neverShown.Append(approved.TitleTh).Append(approved.TitleEn))
        {
            Assert.DoesNotContain(word, page);
            Assert.DoesNotContain(word, feed);
        }
        foreach (var path in new[]
        {
            $"/meetings/{s.MeetingId}/calendar.ics", $"/meetings/{s.MeetingId}/attachments/{s.AttachmentId}", $"/meetings/{s.MeetingId}/minutes?lang=bilingual",
            $"/meetings/{s.MeetingId}/minutes.pdf", $"/meetings/{s.MeetingId}/minutes.docx", $"/meetings/{s.MeetingId}/attendance-sheet.pdf", $"/meetings/{s.MeetingId}/minutes/versions/1",
        })
        {
            var response = await s.Partner.GetAsync(path);
            if (path.Contains("/versions/"))
                Assert.DoesNotContain(approved.TitleTh, await response.Content.ReadAsStringAsync());
            else
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        }
    }

    /// <summary>
    /// The partner's meeting list, month calendar and upcoming meetings, and its list searched for each of
    /// <paramref name="searchWords"/> and of <paramref name="neverShown"/>, asked of the services as the pages ask.
    /// </summary>
    private Task<(List<MeetingRow> Rows, List<MeetingRow> Month, List<MeetingRow> Upcoming, List<IReadOnlyList<MeetingRow>> Searches, List<IReadOnlyList<MeetingRow>> Hidden)>
        PartnerListsAsync(Scenario s, DateOnly date, string[] searchWords, string[] neverShown) =>
        server.AsUserAsync(s.PartnerEmail, async services =>
        {
            var meetings = services.GetRequiredService<MeetingListService>();
            async Task<IReadOnlyList<MeetingRow>> SearchAsync(string words) => (await meetings.ListAsync(Search(words), new MeetingFilter())).Items;
            var searches = new List<IReadOnlyList<MeetingRow>>();
            foreach (var word in searchWords) searches.Add(await SearchAsync(word));
            var hidden = new List<IReadOnlyList<MeetingRow>>();
            foreach (var word in neverShown) hidden.Add(await SearchAsync(word));
            return ((await meetings.ListAsync(Search(null), new MeetingFilter())).Items.ToList(),
                await meetings.MonthAsync(date.Year, date.Month, null, new MeetingFilter()),
                await meetings.UpcomingAsync(new DateOnly(2030, 1, 1), 10),
                searches, hidden);
        });

    private static async Task<string> PageAsync(Scenario s, string path)
    {
        var response = await s.Partner.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        // Calendar lines are folded at 75 octets; unfolded, a title reads whole again.
        return (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "");
    }

    /// <summary>The text of a PDF without white space, so that a title broken across lines still reads as one.</summary>
    private static async Task<string> PdfTextAsync(Scenario s, string path)
    {
        var response = await s.Partner.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return Squeezed(await Poppler.RunAsync("pdftotext", await response.Content.ReadAsByteArrayAsync()));
    }

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task A_correction_that_adds_the_partners_organization_shows_it_nothing_until_approved()
    {
        var tag = NewTag();
        // Listed as absent in the approved minutes: an absentee's organization is not shown the meeting.
        var s = await CorrectionUnderWayAsync(tag, AttendanceStatus.Absent);
        var approved = Approved(tag, "first");
        await AssertPartnerSeesNothingAsync(s, approved);

        // Represented by a stand-in (on behalf of) in the draft: still nothing until the coordinator approves.
        await EditDraftAsync(async services => (await services.GetRequiredService<AttendanceService>()
            .SaveAsync(s.MeetingId, s.AttendeeId, Attending(s.PersonId, s.OrganizationId, AttendanceStatus.OnBehalf) with { Version = await AttendeeVersionAsync(s) })).Succeeded);
        await AssertPartnerSeesNothingAsync(s, approved);

        await ApproveAsync(s.MeetingId);
        await AssertPartnerSeesAsync(s, approved);
    }

    [Fact]
    public async Task A_correction_that_removes_the_partners_organization_leaves_the_approved_meeting_until_it_is_approved()
    {
        var tag = NewTag();
        var s = await CorrectionUnderWayAsync(tag, AttendanceStatus.Present);
        var approved = Approved(tag, "first");
        await AssertPartnerSeesAsync(s, approved);

        await EditDraftAsync(async services => (await services.GetRequiredService<AttendanceService>().RemoveAsync(s.MeetingId, s.AttendeeId!.Value)).IsValid);
        await AssertPartnerSeesAsync(s, approved);

        await ApproveAsync(s.MeetingId);
        await AssertPartnerSeesNothingAsync(s, approved);
    }

    [Fact]
    public async Task A_correction_that_marks_the_partner_absent_changes_nothing_until_it_is_approved()
    {
        var tag = NewTag();
        var s = await CorrectionUnderWayAsync(tag, AttendanceStatus.Present);
        var approved = Approved(tag, "first");

        await EditDraftAsync(async services => (await services.GetRequiredService<AttendanceService>()
            .SaveAsync(s.MeetingId, s.AttendeeId, Attending(s.PersonId, s.OrganizationId, AttendanceStatus.Absent) with { Version = await AttendeeVersionAsync(s) })).Succeeded);
        await AssertPartnerSeesAsync(s, approved);

        await ApproveAsync(s.MeetingId);
        await AssertPartnerSeesNothingAsync(s, approved);
    }

    [Fact]
    public async Task A_correction_that_rewrites_the_particulars_is_neither_shown_nor_searchable_until_it_is_approved()
    {
        var tag = NewTag();
        var s = await CorrectionUnderWayAsync(tag, AttendanceStatus.Present);
        var itemId = await server.AsDemoUserAsync(Roles.Staff, async services => (await services.GetRequiredService<ActionItemService>().SaveAsync(null, new ActionItemForm
        {
            TitleTh = $"ส่งรายงาน {tag}", TitleEn = $"Send the report {tag}", MeetingId = s.MeetingId, OwnerOrganizationIds = [s.OrganizationId],
        })).Id!.Value);
        var first = Approved(tag, "first");
        // The draft moves the meeting to the next month, too: the partner's calendar keeps the approved date.
        var corrected = Approved(tag, "zebraquill", MeetingDate.AddMonths(1));
        await EditDraftAsync(async services =>
        {
            var meetings = services.GetRequiredService<MeetingService>();
            var form = MeetingForm.From((await meetings.GetAsync(s.MeetingId))!);
            var rewritten = Particulars(tag, "zebraquill");
            (form.TitleTh, form.TitleEn, form.RoomTh, form.RoomEn, form.ObjectivesTh, form.ObjectivesEn, form.Date) =
                (rewritten.TitleTh, rewritten.TitleEn, rewritten.RoomTh, rewritten.RoomEn, rewritten.ObjectivesTh, rewritten.ObjectivesEn, corrected.Date.ToDateTime(TimeOnly.MinValue));
            return (await meetings.SaveAsync(s.MeetingId, form)).Succeeded;
        });

        await AssertPartnerSeesAsync(s, first, corrected.SearchWords);
        var nextMonth = await server.AsUserAsync(s.PartnerEmail, services => services.GetRequiredService<MeetingListService>().MonthAsync(corrected.Date.Year, corrected.Date.Month, null, new MeetingFilter()));
        Assert.Empty(nextMonth);
        await AssertActionItemNamesMeetingAsync(s, itemId, first.TitleTh);

        await ApproveAsync(s.MeetingId);
        await AssertPartnerSeesAsync(s, corrected, first.SearchWords);
        await AssertActionItemNamesMeetingAsync(s, itemId, corrected.TitleTh);
    }

    [Fact]
    public async Task A_partner_reads_only_the_version_it_is_shown_not_earlier_ones()
    {
        var tag = NewTag();
        var s = await CorrectionUnderWayAsync(tag, AttendanceStatus.Present);
        await ApproveAsync(s.MeetingId);
        var versions = await server.AsUserAsync(s.PartnerEmail, services => services.GetRequiredService<MinutesService>().VersionsAsync(s.MeetingId));
        Assert.Equal([2], versions.Select(v => v.Version));
        Assert.Equal(HttpStatusCode.NotFound, (await s.Partner.GetAsync($"/meetings/{s.MeetingId}/minutes?version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Partner.GetAsync($"/meetings/{s.MeetingId}/minutes?version=2")).StatusCode);
        var staff = await server.AsDemoUserAsync(Roles.Staff, services => services.GetRequiredService<MinutesService>().VersionsAsync(s.MeetingId));
        Assert.Equal([2, 1], staff.Select(v => v.Version));
    }

    private Task<int> AttendeeVersionAsync(Scenario s) =>
        server.QueryAsync(db => db.Attendees.Where(a => a.Id == s.AttendeeId).Select(a => a.Version).SingleAsync());

    /// <summary>The partner's action item names its meeting by the approved title, in the list, the export and the item's page.</summary>
    private async Task AssertActionItemNamesMeetingAsync(Scenario s, int itemId, string title)
    {
        var (row, item) = await server.AsUserAsync(s.PartnerEmail, async services =>
        {
            var items = services.GetRequiredService<ActionItemService>();
            return (Assert.Single((await items.ListAsync(Search(null), new ActionItemFilter())).Items), await items.GetAsync(itemId));
        });
        Assert.Equal((itemId, s.MeetingId, title), (row.Id, row.MeetingId, row.MeetingTitleTh));
        Assert.Equal(title, item!.Meeting!.TitleTh);
        Assert.Contains(title, await PageAsync(s, $"/action-items/{itemId}"));
    }
}
