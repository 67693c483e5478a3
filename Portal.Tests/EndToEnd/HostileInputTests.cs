using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Validation;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// Every hostile string goes in — typed in Chromium into every free-text field of every editor, and through the services
/// into every text field of people, meetings, agenda items, attendees and action items — and then every page and export
/// that shows them is opened: no script may run, no page may fail, and every value must come back as it went in, less
/// the control characters and bidi overrides the portal removes from stored text (<see cref="TextCleaning"/>).
/// </summary>
[Collection(nameof(ServerCollection))]
public class HostileInputTests(PortalServer server, Browser browser) : IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    /// <summary>
    /// One editor of the portal as a user reaches it: where its form is, how it is opened and saved, and — for editors
    /// that add a row each time rather than change one — every stored row's text fields in the order of the form.
    /// </summary>
    private sealed record Editor(string Name, string Form, string Path, string[] OpenButtons, Func<IPage, Task> Save,
        Func<PortalDbContext, Task<List<string[]>>>? StoredRows = null, int MostStrings = int.MaxValue, bool Reload = false);

    /// <summary>
    /// Fields that are not free text: structured values (dates, times, numbers, addresses), refused or reshaped by design,
    /// and the search boxes that find a person or an organization rather than holding text.
    /// </summary>
    private static readonly string[] NotFreeText = ["date", "due-date", "start-time", "end-time", "number", "website", "reference-url", "email", "phone", "person-search", "host", "organization", "attendee-organization", "parent", "new-person-organization"];

    [Fact]
    public async Task Hostile_strings_typed_into_every_text_field_of_every_editor_come_back_cleaned_of_controls_only_and_run_nothing()
    {
        Assert.True(HostileStrings.All.Length >= 50);
        var ids = await server.AsDemoUserAsync(Roles.Staff, CreateRecordsToEditAsync);
        var page = await browser.SignInAsync(server, Roles.Staff, problems);
        var meeting = $"/meetings/{ids.Meeting}";
        Editor[] editors =
        [
            new("organization", "organization-form", $"/organizations/{ids.Organization}/edit", [], Click("save")),
            new("person", "person-form", $"/people/{ids.Person}/edit", [], Click("save")),
            new("action item", "action-item-form", $"/action-items/{ids.ActionItem}/edit", [], Click("save")),
            new("meeting", "meeting-form", meeting, ["edit-particulars"], Click("save")),
            new("agenda item", "agenda-form", meeting, ["edit-agenda-item"], Click("agenda-save")),
            new("attendee", "attendee-form", meeting, ["edit-attendee"], Click("attendee-save")),
            new("reference", "reference-form", meeting, ["add-reference"], Click("reference-save"),
                db => db.MeetingReferences.Where(r => r.MeetingId == ids.Meeting).Select(r => new[] { r.Title, r.Publisher ?? "" }).ToListAsync()),
            new("related activity", "related-form", meeting, ["add-related"], Click("related-save"),
                db => db.RelatedActivities.Where(r => r.MeetingId == ids.Meeting).Select(r => new[] { r.DescriptionTh ?? "", r.DescriptionEn ?? "" }).ToListAsync()),
            // A meeting holds at most 30 tags.
            new("tag", "tags", meeting, [], p => Browser.Field(p, "tag-input").PressAsync("Enter"),
                db => db.MeetingTags.Where(t => t.MeetingId == ids.Meeting).Select(t => new[] { t.Name }).ToListAsync(), MostStrings: 25),
            // Adding a person on the spot while listing attendees; the page is loaded afresh, as the new person stays picked.
            new("new person", "new-person-form", meeting, ["add-attendee", "new-person"], Click("new-person-save"),
                db => db.People.Select(p => new[] { p.GivenNameTh, p.FamilyNameTh ?? "", p.GivenNameEn ?? "", p.FamilyNameEn ?? "", p.PositionTh ?? "", p.PositionEn ?? "" }).ToListAsync(),
                Reload: true),
            new("action item update", "update-form", $"/action-items/{ids.ActionItem}", [], Click("update-post"),
                db => db.ActionItemUpdates.Where(u => u.ActionItemId == ids.ActionItem).Select(u => new[] { u.Text }).ToListAsync()),
        ];
        foreach (var editor in editors)
            await TypeEveryStringIntoAsync(page, editor);

        await ExpectShownAsync(page, $"{meeting}/minutes?lang=th");
        await ExpectShownAsync(page, $"{meeting}/minutes?lang=en");
        await ExpectShownAsync(page, "/organizations");
        await ExpectShownAsync(page, "/people");
        await ExpectShownAsync(page, "/meetings");
        await ExpectShownAsync(page, "/action-items");
        // The audit log shows every value before and after each of those saves.
        await ExpectShownAsync(await browser.SignInAsync(server, Roles.Admin, problems), "/admin/audit");
        Assert.Empty(problems);
    }

    /// <summary>
    /// Types the hostile strings, a few per field, into every free-text field of the editor, round after round until each
    /// string has gone in once; after every save checks that the page runs nothing, and that what the editor shows when
    /// opened again — or the row it added — is exactly what was typed, cleaned as the portal stores text.
    /// </summary>
    private async Task TypeEveryStringIntoAsync(IPage page, Editor editor)
    {
        var feed = new HostileFeed(HostileStrings.All.Take(editor.MostStrings));
        string[]? expected = null;
        var widest = 0;
        var multiLine = false;
        for (var round = 0; ; round++)
        {
            var fields = await OpenAsync(page, editor);
            if (expected is not null)
                await ExpectFieldsAsync(page, editor, fields, round - 1, expected);
            widest = fields.Max(f => f.MaxLength);
            multiLine |= fields.Any(f => f.MultiLine);

            // Opened once more after the last save, to read back what it stored.
            var dealt = fields.Select(field => feed.Next(field.MaxLength, field.MultiLine)).ToArray();
            if (dealt.All(d => d is null))
                break;
            // A field left without a string still gets text: some are required.
            var typed = dealt.Select((d, n) => d ?? $"r{round}-{n}").ToArray();
            for (var n = 0; n < fields.Length; n++)
                await page.Locator($"[data-hostile='{n}']").FillAsync(typed[n]);
            // Leaving the last field commits its value before the click, however busy the machine.
            await page.Locator($"[data-hostile='{fields.Length - 1}']").PressAsync("Tab");
            expected = fields.Select((field, n) => field.MultiLine
                ? TextCleaning.MultiLine(Cut(Lines(typed[n]), field.MaxLength))
                : TextCleaning.SingleLine(SingleLine(typed[n]))).ToArray();

            await SaveAsync(page, editor, round, expected);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"), $"a script ran after saving the {editor.Name}");
            if (!fields[0].MultiLine)
                Assert.True(await ShowsAsync(page, expected[0]), $"after saving the {editor.Name} the page does not show {Preview(expected[0])} verbatim");
            Assert.True(problems.Count == 0, $"{editor.Name}, round {round}: {string.Join(" | ", problems)}");
        }
        // The editor is left open, unsaved: the next one starts from a freshly loaded page.
        await page.GotoAsync("about:blank");
        // Every string went in, unless no field of this editor could hold it whole.
        Assert.All(feed.Waiting, left => Assert.True(!multiLine && left.Length > widest, $"the {editor.Name} editor never got {Preview(left)}"));
    }

    /// <summary>Whether the page shows the text verbatim, once the render that follows a save has reached the browser.</summary>
    private static async Task<bool> ShowsAsync(IPage page, string text)
    {
        for (var wait = 0; wait < 50; wait++)
        {
            if ((await page.EvaluateAsync<string>("() => document.body.textContent")).Contains(text, StringComparison.Ordinal))
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    private sealed record TextField(int MaxLength, bool MultiLine, string Label);

    /// <summary>Opens the editor and marks its free-text fields, in page order, with <c>data-hostile</c>.</summary>
    private async Task<TextField[]> OpenAsync(IPage page, Editor editor)
    {
        if (editor.Reload || !page.Url.EndsWith(editor.Path, StringComparison.Ordinal))
        {
            // The person just added stays picked in the attendee form, unsaved: reloading leaves that work, so the portal
            // asks (the browser's own question), and here the answer is to leave.
            static void Leave(object? sender, IDialog dialog)
            {
                if (dialog.Type == "beforeunload") _ = dialog.AcceptAsync();
            }
            page.Dialog += Leave;
            await Browser.GoToAsync(page, editor.Path);
            page.Dialog -= Leave;
            problems.RemoveAll(problem => problem == "A script opened a dialog: ");
        }
        foreach (var button in editor.OpenButtons)
            await page.Locator($"[data-testid={button}]").First.ClickAsync();
        var form = page.Locator($"[data-testid={editor.Form}]").First;
        await form.WaitForAsync();
        var fields = await form.EvaluateAsync<string[]>("""
            (form, notFreeText) => {
                document.querySelectorAll('[data-hostile]').forEach(e => delete e.dataset.hostile);
                return [...form.querySelectorAll('input, textarea')]
                .filter(e => e.offsetParent !== null && !e.readOnly && !e.disabled
                    && (e.tagName === 'TEXTAREA' || (e.getAttribute('type') ?? 'text') === 'text')
                    && !notFreeText.includes(e.closest('[data-testid]')?.dataset.testid))
                .map((e, n) => { e.dataset.hostile = n; return `${e.maxLength > 0 ? e.maxLength : 1000000}|${e.tagName === 'TEXTAREA'}|${e.closest('.mud-input-control')?.querySelector('label')?.textContent ?? e.name}`; });
            }
            """, NotFreeText);
        Assert.True(fields.Length > 0, $"the {editor.Name} editor has no text field");
        return fields.Select(f => f.Split('|')).Select(f => new TextField(int.Parse(f[0]), f[1] == "true", f[2])).ToArray();
    }

    private static async Task ExpectFieldsAsync(IPage page, Editor editor, TextField[] fields, int round, string[] expected)
    {
        if (editor.StoredRows is not null) return;
        for (var n = 0; n < expected.Length; n++)
        {
            var shown = await page.Locator($"[data-hostile='{n}']").InputValueAsync();
            Assert.True(expected[n] == shown, $"{editor.Name}, round {round}, {fields[n].Label}: typed {Preview(expected[n])}, opened again as {Preview(shown)}");
        }
    }

    /// <summary>
    /// Saves and waits until it is done: the form closed, or the row it adds stored. Under a fully loaded CI machine a
    /// click has been seen to vanish without a save, an error or a console message; it is made once more then (a save
    /// that happened would have closed the form or stored the row), and a screenshot is kept for whoever looks.
    /// </summary>
    private async Task SaveAsync(IPage page, Editor editor, int round, string[] expected)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await editor.Save(page);
            for (var wait = 0; wait < 100; wait++)
            {
                if (editor.StoredRows is null
                    ? await page.Locator($"[data-testid={editor.Form}]").CountAsync() == 0
                    : (await StoredAsync(editor.StoredRows)).Any(row => row.SequenceEqual(expected)))
                    return;
                await Task.Delay(150);
            }
            var name = $"hostile-{editor.Name.Replace(' ', '-')}-{round}-not-saved-{attempt}";
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath(name), FullPage = true });
            var messages = await page.Locator(".mud-input-helper-text.mud-input-error, .mud-input-error, .mud-alert").AllInnerTextsAsync();
            Assert.True(messages.All(string.IsNullOrWhiteSpace), $"{editor.Name}, round {round} was refused: {string.Join(" | ", messages)}");
        }
        Assert.Fail($"{editor.Name}, round {round} was not saved after two attempts; {string.Join(" | ", problems)}");
    }

    private static Func<IPage, Task> Click(string testId) => page => page.Locator($"[data-testid={testId}]").First.ClickAsync();

    private sealed record RecordsToEdit(int Organization, int Person, int Meeting, int ActionItem);

    /// <summary>Records of this test's own, so that no other test sees their names change.</summary>
    private static async Task<RecordsToEdit> CreateRecordsToEditAsync(IServiceProvider services)
    {
        static int Saved(SaveResult result) =>
            result.Succeeded ? result.Id!.Value : throw new InvalidOperationException(string.Join(", ", result.Errors.All.Select(e => $"{e.Key}: {e.Value.Key}")));
        var organization = Saved(await services.GetRequiredService<OrganizationService>().SaveAsync(null, new OrganizationForm
        {
            NameTh = "หน่วยงานทดสอบข้อความอันตราย", NameEn = "Hostile text test agency",
        }));
        var person = Saved(await services.GetRequiredService<PersonService>().SaveAsync(null, new PersonForm
        {
            GivenNameTh = "ทดสอบ", FamilyNameTh = "ข้อความ", OrganizationId = organization,
        }));
        var meeting = Saved(await services.GetRequiredService<MeetingService>().SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุมทดสอบข้อความอันตราย", TitleEn = "Hostile text test meeting",
            Date = new DateTime(2026, 12, 10), StartTime = new TimeSpan(9, 0, 0), HostOrganizationId = organization,
        }));
        Saved(await services.GetRequiredService<AgendaService>().SaveAsync(meeting, null, new AgendaItemForm { TopicTh = "วาระทดสอบ", TopicEn = "Test item" }));
        // Excused, so that the editor shows the reason field as well.
        Saved(await services.GetRequiredService<AttendanceService>().SaveAsync(meeting, null, new AttendeeForm
        {
            PersonId = person, OrganizationId = organization, Status = AttendanceStatus.Excused, AbsenceReason = "ติดภารกิจ",
        }));
        var actionItem = Saved(await services.GetRequiredService<ActionItemService>().SaveAsync(null, new ActionItemForm
        {
            TitleTh = "งานทดสอบข้อความอันตราย", TitleEn = "Hostile text test task", MeetingId = meeting, OwnerOrganizationIds = [organization],
        }));
        return new RecordsToEdit(organization, person, meeting, actionItem);
    }

    [Fact]
    public async Task Hostile_strings_in_every_text_field_of_people_meetings_agenda_attendees_and_action_items_are_stored_cleaned_shown_as_text_and_exported_unaltered()
    {
        var strings = HostileStrings.All;
        string Text(int i, int max) => Cut(strings[i % strings.Length], max);
        var created = await server.AsDemoUserAsync(Roles.Staff, async services =>
        {
            var organizationId = (await services.GetRequiredService<OrganizationService>().AllAsync()).First().Id;
            var people = new List<int>();
            for (var i = 0; i < strings.Length; i += 2)
            {
                var result = await services.GetRequiredService<PersonService>().SaveAsync(null, new PersonForm
                {
                    GivenNameTh = $"{i:00} {Text(i, 90)}", FamilyNameTh = Text(i + 1, 100), GivenNameEn = $"{i:00} {Text(i + 2, 90)}",
                    FamilyNameEn = Text(i + 3, 100), PositionTh = Text(i + 4, FieldLengths.Position), PositionEn = Text(i + 5, FieldLengths.Position),
                    OrganizationId = organizationId,
                });
                Assert.True(result.Succeeded, string.Join(", ", result.Errors.All.Select(e => $"{e.Key}: {e.Value.Key}")));
                people.Add(result.Id!.Value);
            }

            var meetings = services.GetRequiredService<MeetingService>();
            var links = services.GetRequiredService<MeetingLinksService>();
            var meeting = await meetings.SaveAsync(null, new MeetingForm
            {
                TitleTh = Text(0, FieldLengths.Title), TitleEn = Text(2, FieldLengths.Title), RoomTh = Text(6, FieldLengths.Venue),
                RoomEn = Text(7, FieldLengths.Venue), BuildingTh = Text(8, FieldLengths.Venue), BuildingEn = Text(14, FieldLengths.Venue),
                ObjectivesTh = Text(33, FieldLengths.Markdown), ObjectivesEn = Text(12, FieldLengths.Markdown),
                Date = new DateTime(2026, 12, 3), StartTime = new TimeSpan(13, 30, 0), HostOrganizationId = organizationId,
            });
            Assert.True(meeting.Succeeded);
            var meetingId = meeting.Id!.Value;
            for (var i = 0; i < 6; i++)
            {
                var agenda = await services.GetRequiredService<AgendaService>().SaveAsync(meetingId, null, new AgendaItemForm
                {
                    TopicTh = Text(i * 6, FieldLengths.Title), TopicEn = Text(i * 6 + 1, FieldLengths.Title), DiscussionTh = Text(i * 6 + 2, FieldLengths.Markdown),
                    DiscussionEn = Text(i * 6 + 3, FieldLengths.Markdown), ResolutionTh = Text(i * 6 + 4, FieldLengths.Markdown), ResolutionEn = Text(i * 6 + 5, FieldLengths.Markdown),
                });
                Assert.True(agenda.Succeeded);
            }
            for (var i = 0; i < people.Count; i++)
            {
                var attendee = await services.GetRequiredService<AttendanceService>().SaveAsync(meetingId, null, new AttendeeForm
                {
                    PersonId = people[i], OrganizationId = organizationId, PositionTh = Text(i * 3, FieldLengths.Position), PositionEn = Text(i * 3 + 1, FieldLengths.Position),
                    Status = i % 2 == 0 ? AttendanceStatus.Present : AttendanceStatus.Excused, AbsenceReason = i % 2 == 0 ? null : Text(i * 3 + 2, FieldLengths.Reason),
                });
                Assert.True(attendee.Succeeded, string.Join(", ", attendee.Errors.All.Select(e => $"{e.Key}: {e.Value.Key}")));
            }
            await links.SetTagsAsync(meetingId, strings.Where(s => s.Length <= FieldLengths.Tag && !s.Contains(',')).Take(20));
            await links.AddReferenceAsync(meetingId, new ReferenceForm { Title = Text(15, FieldLengths.Title), Publisher = Text(35, FieldLengths.Title) });
            await links.AddRelatedAsync(meetingId, new RelatedActivityForm { DescriptionTh = Text(9, FieldLengths.Title), DescriptionEn = Text(20, FieldLengths.Title) });

            var items = services.GetRequiredService<ActionItemService>();
            var itemIds = new List<int>();
            for (var i = 0; i < strings.Length; i += 4)
            {
                var item = await items.SaveAsync(null, new ActionItemForm
                {
                    TitleTh = $"{i:00} {Text(i, FieldLengths.Title - 4)}", TitleEn = Text(i + 1, FieldLengths.Title), DescriptionTh = Text(i + 2, FieldLengths.Markdown),
                    DescriptionEn = Text(i + 3, FieldLengths.Markdown), MeetingId = meetingId, OwnerOrganizationIds = [organizationId],
                });
                Assert.True(item.Succeeded, string.Join(", ", item.Errors.All.Select(e => $"{e.Key}: {e.Value.Key}")));
                Assert.True((await items.PostUpdateAsync(item.Id!.Value, new ActionUpdateForm { Text = Text(i + 5, FieldLengths.Markdown) })).IsValid);
                itemIds.Add(item.Id!.Value);
            }
            return (people, meetingId, itemIds);
        });

        // Stored as given, less control characters and bidi overrides (line breaks and tabs only where several lines belong).
        foreach (var (personId, index) in created.people.Select((id, n) => (id, n * 2)))
        {
            var person = await StoredAsync(db => db.People.SingleAsync(p => p.Id == personId));
            Assert.Equal((TextCleaning.SingleLine(Text(index + 1, 100)), TextCleaning.SingleLine(Text(index + 4, FieldLengths.Position))), (person.FamilyNameTh, person.PositionTh));
        }
        var storedMeeting = await StoredAsync(db => db.Meetings.Include(m => m.AgendaItems).SingleAsync(m => m.Id == created.meetingId));
        Assert.Equal((TextCleaning.SingleLine(Text(0, FieldLengths.Title)), TextCleaning.MultiLine(Text(33, FieldLengths.Markdown))), (storedMeeting.TitleTh, storedMeeting.ObjectivesTh));
        Assert.Equal(TextCleaning.MultiLine(Text(3, FieldLengths.Markdown)), storedMeeting.AgendaItems.OrderBy(a => a.Position).First().DiscussionEn);

        // Shown as text, running nothing: as staff, and in the printed form.
        var page = await browser.SignInAsync(server, Roles.Staff, problems);
        await ExpectShownAsync(page, $"/meetings/{created.meetingId}", SingleLine(storedMeeting.TitleTh), SingleLine(storedMeeting.RoomTh!));
        await ExpectShownAsync(page, $"/meetings/{created.meetingId}/minutes?lang=th", SingleLine(storedMeeting.TitleTh));
        foreach (var personId in created.people.Take(8))
        {
            var person = await StoredAsync(db => db.People.SingleAsync(p => p.Id == personId));
            await ExpectShownAsync(page, $"/people/{personId}", SingleLine(person.FamilyNameTh));
        }
        foreach (var itemId in created.itemIds)
        {
            var item = await StoredAsync(db => db.ActionItems.SingleAsync(i => i.Id == itemId));
            await ExpectShownAsync(page, $"/action-items/{itemId}", SingleLine(item.TitleTh));
        }
        await ExpectShownAsync(page, "/action-items");
        await ExpectShownAsync(page, "/meetings");
        await ExpectShownAsync(page, "/people");
        await ExpectShownAsync(page, "/");

        // Exported unaltered: the CSV cells are the stored text (formula starts neutralized with a leading apostrophe).
        var csv = ParseCsv(await (await page.APIRequest.GetAsync($"/action-items/export.csv?meeting={created.meetingId}")).TextAsync());
        Assert.Equal(created.itemIds.Count + 1, csv.Count);
        foreach (var itemId in created.itemIds)
        {
            var item = await StoredAsync(db => db.ActionItems.SingleAsync(i => i.Id == itemId));
            var row = csv.Single(r => r[0] == itemId.ToString());
            Assert.Equal(Neutralized(item.TitleTh), row[1]);
        }

        // The attendance CSV carries the positions as typed; the meeting's calendar file carries its title and venue.
        var attendance = ParseCsv(await (await page.APIRequest.GetAsync($"/meetings/{created.meetingId}/attendance.csv")).TextAsync());
        var storedAttendees = await StoredAsync(db => db.Attendees.Where(a => a.MeetingId == created.meetingId).Select(a => a.PositionTh).ToListAsync());
        Assert.Equal(storedAttendees.Count + 1, attendance.Count);
        Assert.All(storedAttendees, position => Assert.Contains(attendance, row => row[3] == Neutralized(position ?? "")));
        var calendar = Ical.Net.Calendar.Load(await (await page.APIRequest.GetAsync($"/meetings/{created.meetingId}/calendar.ics")).TextAsync())!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal(storedMeeting.TitleTh, ev.Summary);
        Assert.Contains(storedMeeting.RoomTh!, ev.Location);
        Assert.Empty(problems);
    }

    private static string Neutralized(string cell) => cell.Length > 0 && "=+-@\t\r".Contains(cell[0]) ? "'" + cell : cell;

    /// <summary>RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(cell.ToString()); cell.Clear();
                rows.Add([.. row]); row.Clear();
            }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add([.. row]); }
        return rows;
    }


    private static string Cut(string value, int max) => value.Length > max ? value[..max] : value;

    /// <summary>What a text area holds of typed text: every line break becomes a line feed.</summary>
    private static string Lines(string value) => value.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>What a single-line box holds of typed text: Chromium turns each line break into a space.</summary>
    private static string SingleLine(string value) => value.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>Opens the page, lets the circuit start, and checks that no script ran and each text is on it verbatim.</summary>
    private async Task ExpectShownAsync(IPage page, string path, params string[] texts)
    {
        try
        {
            // The print preview is a plain document; every other page is a Blazor page that must come alive.
            if (path.Contains("/minutes?", StringComparison.Ordinal))
                await page.GotoAsync(path);
            else
                await Browser.GoToAsync(page, path);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{path} did not become interactive: {string.Join(" | ", problems)}", e);
        }
        await page.WaitForTimeoutAsync(150);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined && window.parent.__xss === undefined"), $"a script ran on {path}");
        var body = await page.EvaluateAsync<string>("() => document.body.textContent");
        foreach (var text in texts)
            Assert.True(body.Contains(text, StringComparison.Ordinal), $"{path} does not show {Preview(text)} verbatim");
        Assert.True(problems.Count == 0, $"{path}: {string.Join(" | ", problems)}");
    }

    private static string Preview(string text) => text.Length > 60 ? text[..60] + "…" : text;

    private Task<T> StoredAsync<T>(Func<PortalDbContext, Task<T>> query) => server.QueryAsync(query);
}
