using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Auth;
using Portal.DemoData;
using Portal.Features.Invitations;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// The World Bank partner, on a phone, finds the follow-up meeting it was invited to on its home page (whose minutes it
/// may not read yet), changes its contact's answer through the same answer page the e-mail links to, and sees the answer.
/// A server of its own: the answer changes the demo's invitations.
/// </summary>
public sealed class PartnerInvitationJourneyTests(Browser browser) : OwnServerTests, IClassFixture<Browser>
{
    private readonly List<string> problems = [];

    [Fact]
    public async Task A_partner_sees_the_meeting_it_is_invited_to_and_changes_its_answer_on_a_phone()
    {
        var worldBankInvitations = await Server.QueryAsync(db => db.Invitations
            .Where(i => i.Meeting!.TitleEn == DemoMeetings.FollowUpTitleEn && i.Organization!.Acronym == DemoOrganizations.WorldBank)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Status }).ToListAsync());
        var answered = Assert.Single(worldBankInvitations);   // Melinda Good, the World Bank's one contact, said she will attend
        Assert.Equal(InvitationStatus.Attending, answered.Status);

        var page = await browser.SignInAsync(Server, Roles.Partner, problems, 375);
        var list = page.Locator("[data-testid=partner-invitations]");
        await Expect(list).ToContainTextAsync(DemoMeetings.FollowUpTitleTh);
        // Its own organization's invitees only, each with its answer.
        var invitee = list.Locator("[data-testid=partner-invitee]");
        await Expect(invitee).ToHaveCountAsync(1);
        await Expect(invitee).ToContainTextAsync("นางเมลินดา กู๊ด");
        await Expect(invitee).ToContainTextAsync("เข้าร่วม");
        await Expect(invitee.Locator("[data-testid=partner-answer]")).ToHaveTextAsync("เปลี่ยนคำตอบ");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("partner-invitations-375-th"), FullPage = true });

        // The meeting's page shows what the invitation said, and the answers, not its draft minutes.
        await list.GetByRole(AriaRole.Link, new() { Name = DemoMeetings.FollowUpTitleTh }).ClickAsync();
        await Expect(page.Locator("[data-testid=meeting-title]")).ToHaveTextAsync(DemoMeetings.FollowUpTitleTh);
        await Expect(page.Locator("[data-testid=minutes-when-approved]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=partner-invitation-venue]")).ToHaveTextAsync("ห้องประชุม KKTT");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("partner-invited-meeting-375-th"), FullPage = true });
        invitee = page.Locator("[data-testid=partner-invitee]");
        await Expect(invitee).ToContainTextAsync("เข้าร่วม");

        await invitee.Locator("[data-testid=partner-answer]").ClickAsync();
        await Expect(page.Locator("[data-testid=rsvp-meeting-title]")).ToHaveTextAsync(DemoMeetings.FollowUpTitleTh);
        await page.CheckAsync("[data-testid=rsvp-declined]");
        await page.FillAsync("[data-testid=rsvp-reason]", "ติดประชุมคณะกรรมการที่กรุงเทพฯ");
        await page.ClickAsync("[data-testid=rsvp-submit]");
        await Expect(page.Locator("[data-testid=rsvp-saved]")).ToBeVisibleAsync();
        Assert.Equal(InvitationStatus.Declined, await Server.QueryAsync(db => db.Invitations.Where(i => i.Id == answered.Id).Select(i => i.Status).SingleAsync()));

        await Browser.GoToAsync(page, "/");
        await Expect(page.Locator("[data-testid=partner-invitee]")).ToContainTextAsync("ไม่เข้าร่วม");
        // Its minutes, not approved, stay closed to the partner.
        var followUp = await Server.QueryAsync(db => db.Meetings.Where(m => m.TitleEn == DemoMeetings.FollowUpTitleEn).Select(m => m.Id).SingleAsync());
        var minutes = await (await Server.SignedInClientAsync(PortalHost.DemoAccount(Roles.Partner))).GetAsync($"/meetings/{followUp}/minutes");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, minutes.StatusCode);
        Assert.Empty(problems);
    }
}
