using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.DemoData;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// Staff, at the follow-up meeting, record what the meeting said about a carried item and raise a follow-up from it.
/// A server of its own: the World Bank's item must still be open, and the partner's journey on the shared server closes it.
/// </summary>
public sealed class MattersArisingJourneyTests(Browser browser) : OwnServerTests, IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task Staff_record_a_note_on_a_carried_item_and_raise_a_follow_up_from_it()
    {
        var page = await browser.SignInAsync(Server, Roles.Staff, consoleErrors, 1280);
        var id = await Server.QueryAsync(db => db.Meetings.Where(m => m.TitleEn == DemoMeetings.FollowUpTitleEn).Select(m => m.Id).SingleAsync());
        await Browser.GoToAsync(page, $"/culture/set?culture=en-US&redirectUri=%2Fmeetings%2F{id}");

        var carried = page.Locator("[data-testid=carried-item]").Filter(new() { HasText = DemoActionItems.WorldBankReportTitleEn });
        await Expect(carried).ToHaveCountAsync(1);
        await Expect(carried.Locator("[data-testid=action-status]")).ToHaveTextAsync("In progress");
        await carried.Locator("[data-testid=carried-note-edit]").ClickAsync();
        await Browser.Field(page, "carried-note-th").FillAsync("ธนาคารโลกแจ้งว่าจะส่งชุดข้อมูลเมืองรองภายในสิ้นเดือน");
        await Browser.Field(page, "carried-note-en").FillAsync("The World Bank will send the secondary-city data by the end of the month.");
        await page.ClickAsync("[data-testid=carried-note-save]");
        await Expect(carried).ToContainTextAsync("The World Bank will send the secondary-city data by the end of the month.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("matters-arising-note"), FullPage = true });

        // The note is in the draft minutes the page previews.
        var minutes = await (await Server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Staff))).GetStringAsync($"/meetings/{id}/minutes?lang=en");
        Assert.Contains("The World Bank will send the secondary-city data by the end of the month.", minutes);

        await carried.Locator("[data-testid=raise-follow-up]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"action-items/new\?meeting={id}&agendaItem=\d+&follows=\d+$"));
        await Expect(Browser.Field(page, "title-en")).ToHaveValueAsync("Follow-up: " + DemoActionItems.WorldBankReportTitleEn);
        await Expect(page.Locator("[data-testid=editor-follows-link]")).ToHaveTextAsync(DemoActionItems.WorldBankReportTitleEn);   // named before saving
        await Browser.Field(page, "title-en").FillAsync("World Bank sends the secondary-city data set");
        await Browser.Field(page, "title-th").FillAsync("ธนาคารโลกส่งชุดข้อมูลเมืองรอง");
        await page.ClickAsync("[data-testid=action-item-form] [data-testid=save]");
        await Expect(page).ToHaveURLAsync(new Regex(@"action-items/\d+$"));
        // The two items lead to each other.
        await Expect(page.Locator("[data-testid=follows-link]")).ToHaveTextAsync(DemoActionItems.WorldBankReportTitleEn);
        await page.ClickAsync("[data-testid=follows-link]");
        await Expect(page.Locator("[data-testid=action-item-title]")).ToHaveTextAsync(DemoActionItems.WorldBankReportTitleEn);
        await Expect(page.Locator("[data-testid=followed-by]")).ToHaveTextAsync("World Bank sends the secondary-city data set");
        // Back at the meeting, the carried item shows the follow-up raised from it, so that nobody raises it twice.
        await Browser.GoToAsync(page, $"/meetings/{id}");
        await Expect(carried.Locator("[data-testid=carried-follow-ups]")).ToContainTextAsync("World Bank sends the secondary-city data set");

        var raised = await Server.QueryAsync(db => db.ActionItems.SingleAsync(i => i.TitleEn == "World Bank sends the secondary-city data set"));
        var followed = await Server.QueryAsync(db => db.ActionItems.Where(i => i.TitleEn == DemoActionItems.WorldBankReportTitleEn).Select(i => i.Id).SingleAsync());
        Assert.Equal((id, followed), (raised.MeetingId, raised.FollowsActionItemId));
        Assert.True(await Server.QueryAsync(db => db.AgendaItems.AnyAsync(a => a.Id == raised.AgendaItemId && a.MattersArising)));
        Assert.Empty(consoleErrors);
    }

    [Fact]
    public async Task Staff_record_the_previous_minutes_confirmed_with_corrections_and_confirm_opening_their_next_version()
    {
        var page = await browser.SignInAsync(Server, Roles.Staff, consoleErrors, 1280);
        var id = await Server.QueryAsync(db => db.Meetings.Where(m => m.TitleEn == DemoMeetings.FollowUpTitleEn).Select(m => m.Id).SingleAsync());
        var workshop = await Server.WorkshopIdAsync();
        await Browser.GoToAsync(page, $"/culture/set?culture=en-US&redirectUri=%2Fmeetings%2F{id}");

        await page.ClickAsync("[data-testid=confirmation-edit]");
        await page.ClickAsync("[data-testid=with-corrections]");
        // Corrections named in neither language are refused next to the field, and nothing opens.
        await page.ClickAsync("[data-testid=confirmation-save]");
        await Expect(page.Locator("[data-testid=confirmation-form]")).ToContainTextAsync("Say what was corrected, in at least one language");
        await Browser.Field(page, "corrections-th").FillAsync("แก้ไขตำแหน่งของผู้แทนธนาคารโลกในรายชื่อผู้เข้าร่วมประชุม");
        await Browser.Field(page, "corrections-en").FillAsync("The World Bank representative's position corrected in the attendance list.");
        await page.ClickAsync("[data-testid=confirmation-save]");

        // Staff are asked before the previous minutes open for correction; cancelling leaves everything as it was.
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("version 2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal(1, await Server.QueryAsync(db => db.Meetings.Where(m => m.Id == workshop).Select(m => m.MinutesVersion).SingleAsync()));

        await page.ClickAsync("[data-testid=confirmation-save]");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save and open the correction" }).ClickAsync();
        await Expect(page.Locator("[data-testid=confirmation-outcome]")).ToHaveTextAsync("Confirmed with corrections");
        await Expect(page.Locator("[data-testid=minutes-confirmation]")).ToContainTextAsync("The World Bank representative's position corrected");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("confirmation-with-corrections-en"), FullPage = true });

        // The corrections opened version 2: the item cannot turn to "without correction" and contradict it.
        await page.ClickAsync("[data-testid=confirmation-edit]");
        await page.ClickAsync("[data-testid=without-correction]");
        await page.ClickAsync("[data-testid=confirmation-save]");
        await Expect(page.Locator("[data-testid=confirmation-form]")).ToContainTextAsync("already opened version 2 of the previous minutes");
        await page.ClickAsync("[data-testid=confirmation-form] >> text=Cancel");
        await Expect(page.Locator("[data-testid=confirmation-outcome]")).ToHaveTextAsync("Confirmed with corrections");

        await page.ClickAsync("[data-testid=confirmation-opened] a");
        await Expect(page).ToHaveURLAsync(new Regex($@"meetings/{workshop}$"));
        await Expect(page.Locator("[data-testid=minutes-status]")).ToHaveTextAsync("Correction draft · Version 2");
        var reason = await Server.QueryAsync(db => db.Meetings.Where(m => m.Id == workshop).Select(m => m.CorrectionReason).SingleAsync());
        Assert.Contains("แก้ไขตำแหน่งของผู้แทนธนาคารโลก", reason);
        Assert.Empty(consoleErrors);
    }
}
