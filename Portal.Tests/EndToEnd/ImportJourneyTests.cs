using Microsoft.Playwright;
using Portal.Auth;
using static Microsoft.Playwright.Assertions;

namespace Portal.Tests.EndToEnd;

/// <summary>
/// Staff import the workshop's signed attendance sheet: upload, correct a match in the preview, confirm, and the attendees
/// are on the meeting page. A server of its own: the import changes the workshop that other browser tests read as approved.
/// </summary>
public class ImportJourneyTests(Browser browser) : OwnServerTests, IClassFixture<Browser>
{
    private readonly List<string> consoleErrors = [];

    [Fact]
    public async Task Staff_import_an_attendee_workbook_on_the_workshop_correct_one_match_and_see_the_attendees()
    {
        var workshop = await Server.WorkshopIdAsync();
        var file = Path.Combine(Path.GetTempPath(), $"ใบลงชื่อ-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(file, Workbooks.Xlsx(
        [
            ["ชื่อ-นามสกุล", "หน่วยงาน/องค์กร", "ตำแหน่ง", "บทบาท"],
            ["นางสาวนำเข้า ทดสอบสกุล", "มข.", "นักวิจัย", "ผู้นำเสนอ"],
            ["ศ.ดร. วนิดา  แก่นอากาศ", "KKU", "", ""],
            ["Mrs. Melinda Good", "World Bank Thailand", "", ""],
        ]));
        try
        {
            var page = await browser.SignInAsync(Server, Roles.Staff, consoleErrors);
            await Browser.GoToAsync(page, $"/meetings/{workshop}");
            // The workshop's minutes are approved: attendees change in a correction.
            await page.ClickAsync("[data-testid=minutes-StartCorrection]");
            await Browser.Field(page, "correction-reason").FillAsync("เพิ่มผู้เข้าร่วมจากใบลงชื่อ");
            await page.ClickAsync("[data-testid=correction-submit]");
            // A correction under way reads as one, and the approved record it corrects cannot be deleted.
            await Expect(page.Locator("[data-testid=minutes-status]")).ToHaveTextAsync("ร่างฉบับแก้ไข · ฉบับที่ 2");
            await Expect(page.Locator("[data-testid=meeting-title] ~ [data-testid=delete]")).ToHaveCountAsync(0);
            await page.ClickAsync("[data-testid=import-attendees]");
            await Expect(page.Locator("[data-testid=import-title]")).ToHaveTextAsync("นำเข้ารายชื่อผู้เข้าร่วมประชุมจากไฟล์");
            await Browser.WaitForInteractiveAsync(page);

            await page.Locator("[data-testid=import-input]").SetInputFilesAsync(file);
            var rows = page.Locator("[data-testid=import-row]");
            await Expect(rows).ToHaveCountAsync(3);
            var newcomer = rows.Nth(0);
            var wanida = rows.Nth(1);
            var melinda = rows.Nth(2);
            await Expect(newcomer.Locator("[data-testid=import-person]")).ToHaveValueAsync("0");
            await Expect(wanida.Locator("[data-testid=import-person] option:checked")).ToContainTextAsync("วนิดา แก่นอากาศ");
            await Expect(melinda.Locator("[data-testid=import-issues]")).ToContainTextAsync("มีรายชื่อในการประชุมนี้แล้ว");
            await Expect(melinda.Locator("[data-testid=import-include]")).Not.ToBeCheckedAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Browser.ScreenshotPath("import-preview-th"), FullPage = true });

            // The sheet's "วนิดา" is meant as a new colleague of the same name, not the professor in the register.
            await wanida.Locator("[data-testid=import-person]").SelectOptionAsync("0");
            await Expect(wanida).ToContainTextAsync("จะเพิ่มเป็นรายการใหม่");
            await Expect(page.Locator("[data-testid=import-confirm]")).ToContainTextAsync("นำเข้า 2 แถว");
            await page.ClickAsync("[data-testid=import-confirm]");

            var outcome = page.Locator("[data-testid=import-outcome]");
            await Expect(outcome).ToContainTextAsync("เพิ่มบุคคลใหม่ 2 คน");
            await Expect(outcome).ToContainTextAsync("เพิ่มผู้เข้าร่วมประชุม 2 คน");
            await Expect(outcome).ToContainTextAsync("ข้าม 1 แถว");
            await page.ClickAsync("[data-testid=import-back]");

            var attendees = page.Locator("[data-testid=attendee-row]");
            await Expect(attendees).ToHaveCountAsync(21);
            await Expect(attendees.Filter(new LocatorFilterOptions { HasText = "นางสาวนำเข้า ทดสอบสกุล" })).ToContainTextAsync("ผู้นำเสนอ");
            await Expect(attendees.Filter(new LocatorFilterOptions { HasText = "วนิดา แก่นอากาศ" })).ToHaveCountAsync(1);
            Assert.Equal(2, await Server.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.People, p => p.GivenNameTh == "วนิดา")));
            Assert.Empty(consoleErrors);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
