using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Exports;
using Portal.Features.Import;
using Portal.Features.Minutes;
using Portal.Features.People;

namespace Portal.Tests.Services;

/// <summary>Preview, confirm, all-or-nothing and audit of imports, on SQLite and (with PORTAL_TEST_POSTGRES) PostgreSQL.</summary>
public class ImportServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private ImportService Imports => host.Get<ImportService>();
    private int workshopId;

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
        await using var db = await DbAsync();
        workshopId = await db.Meetings.Where(m => m.RoomEn == "Aiyara Room").Select(m => m.Id).SingleAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<PortalDbContext> DbAsync() => host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    /// <summary>The workshop's minutes are approved; attendees change only in a correction.</summary>
    private async Task OpenCorrectionAsync() =>
        Assert.True((await host.Get<MinutesService>().TransitionAsync(workshopId, MinutesTransition.StartCorrection, "เพิ่มผู้เข้าร่วมจากใบลงชื่อ")).IsValid);

    private static readonly string[][] AttendeeSheet =
    [
        ["ลำดับ", "ชื่อ-นามสกุล", "หน่วยงาน/องค์กร", "ตำแหน่ง", "บทบาท"],
        ["1", "ผศ.ดร. รวี  หาญเผชิญ", "มข.", "อาจารย์", ""],              // already attending
        ["2", "นางสาวสมศรี ใจดี", "มหาวิทยาลัย ขอนแก่น", "นักวิจัย", "ผู้นำเสนอ"], // new person, KKU
        ["3", "ศ.ดร.\u200Bวนิดา แก่นอากาศ", "KKU", "", ""],                // matched, not yet attending
        ["4", "", "DEPA", "", ""],                                          // no name
        ["5", "นายสมชาย ใจดี", "บริษัท ทดลองนำเข้า จำกัด", "ผู้จัดการ", "Observer"], // new person, new organization
        ["6", "Prof. Dr. Wanida Kanarkard", "Khon Kaen University", "", ""], // the same as row 4
    ];

    private async Task<ImportPreview> PreviewAttendeesAsync(byte[]? file = null)
    {
        var (preview, errors) = await Imports.PreviewAsync(ImportKind.Attendees, workshopId, "ใบลงชื่อ.xlsx", new MemoryStream(file ?? Workbooks.Xlsx(AttendeeSheet)));
        Assert.True(errors.IsValid, string.Join(", ", errors.All.Values.Select(e => e.Key)));
        return preview!;
    }

    private async Task<(int People, int Organizations, int Attendees, int Audit)> CountsAsync()
    {
        await using var db = await DbAsync();
        return (await db.People.IgnoreQueryFilters().CountAsync(), await db.Organizations.IgnoreQueryFilters().CountAsync(),
            await db.Attendees.IgnoreQueryFilters().CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task The_preview_matches_rows_to_the_register_and_saves_nothing()
    {
        await OpenCorrectionAsync();
        var before = await CountsAsync();
        var preview = await PreviewAttendeesAsync();
        Assert.Equal(before, await CountsAsync());

        await using var db = await DbAsync();
        var rawee = await db.People.SingleAsync(p => p.GivenNameEn == "Rawee");
        var wanida = await db.People.SingleAsync(p => p.GivenNameEn == "Wanida");
        var kku = await db.Organizations.SingleAsync(o => o.Acronym == "KKU");
        var rows = preview.Rows.ToDictionary(r => r.Line);
        Assert.Equal(6, rows.Count);

        Assert.Equal(rawee.Id, rows[2].PersonChoice);
        Assert.True(rows[2].Skip);
        Assert.Contains(rows[2].Issues(ImportKind.Attendees), i => i.Message.Key == "Import.AlreadyAttending");

        Assert.Equal((ImportRow.New, kku.Id, Honorific.Ms, "สมศรี", "ใจดี"), (rows[3].PersonChoice, rows[3].OrganizationChoice, rows[3].Honorific, rows[3].GivenNameTh, rows[3].FamilyNameTh));
        Assert.Equal(Features.Meetings.AttendeeRole.Presenter, rows[3].Role);
        Assert.False(rows[3].Skip);

        Assert.Equal((wanida.Id, kku.Id, false), (rows[4].PersonChoice, rows[4].OrganizationChoice, rows[4].Skip));

        Assert.True(rows[5].Skip);
        Assert.Contains(rows[5].Issues(ImportKind.Attendees), i => i.Message.Key == "Import.MissingName" && i.IsError);

        Assert.Equal((ImportRow.New, ImportRow.New, Features.Meetings.AttendeeRole.Observer), (rows[6].PersonChoice, rows[6].OrganizationChoice, rows[6].Role));
        Assert.Contains(rows[6].Issues(ImportKind.Attendees), i => i.Message.Key == "Import.UnknownOrganization" && !i.IsError);

        Assert.Equal(wanida.Id, rows[7].PersonChoice);
        Assert.True(rows[7].Skip);
        Assert.Contains(rows[7].Issues(ImportKind.Attendees), i => i.Message.Key == "Import.DuplicateRow" && (int)i.Message.Args[0] == 4);
        Assert.True(preview.CanConfirm);
    }

    [Fact]
    public async Task Confirming_saves_every_included_row_in_one_go_and_audits_each_record_and_the_import()
    {
        await OpenCorrectionAsync();
        var preview = await PreviewAttendeesAsync();
        var before = await CountsAsync();

        var result = await Imports.ConfirmAsync(preview);

        Assert.True(result.Succeeded, string.Join(", ", result.Errors.All.Values.Select(e => e.Key)));
        Assert.Equal(new ImportOutcome(PeopleCreated: 2, PeopleMatched: 1, PeopleUpdated: 0, OrganizationsCreated: 1, OrganizationsMatched: 2,
            AttendeesAdded: 3, RowsSkipped: 3), result.Outcome);
        var after = await CountsAsync();
        Assert.Equal((before.People + 2, before.Organizations + 1, before.Attendees + 3), (after.People, after.Organizations, after.Attendees));

        await using var db = await DbAsync();
        var somsri = await db.People.Include(p => p.Organization).SingleAsync(p => p.GivenNameTh == "สมศรี");
        Assert.Equal(("KKU", Honorific.Ms, "นักวิจัย"), (somsri.Organization!.Acronym, somsri.Honorific, somsri.PositionTh));
        var attendees = await db.Attendees.Include(a => a.Person).Include(a => a.Organization).Where(a => a.MeetingId == workshopId).ToListAsync();
        Assert.Equal(22, attendees.Count);
        var somchai = attendees.Single(a => a.Person!.GivenNameTh == "สมชาย");
        Assert.Equal(("บริษัท ทดลองนำเข้า จำกัด", Features.Meetings.AttendeeRole.Observer, "ผู้จัดการ"), (somchai.Organization!.NameTh, somchai.Role, somchai.PositionTh));
        Assert.Contains(attendees, a => a.Person!.GivenNameEn == "Wanida" && a.Organization!.Acronym == "KKU");

        // One audit row per record created, by the importing user, and the import itself naming the file and its counts.
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Skip(before.Audit).ToListAsync();
        Assert.Equal(2, audit.Count(a => a.EntityType == nameof(Person) && a.Action == AuditAction.Created));
        Assert.Equal(1, audit.Count(a => a.EntityType == "Organization" && a.Action == AuditAction.Created));
        Assert.Equal(3, audit.Count(a => a.EntityType == "Attendee" && a.Action == AuditAction.Created));
        var import = Assert.Single(audit, a => a.Action == AuditAction.Imported);
        Assert.Equal(("Meeting", workshopId.ToString(CultureInfo.InvariantCulture)), (import.EntityType, import.EntityId));
        using var changes = JsonDocument.Parse(import.Changes);
        Assert.Equal("ใบลงชื่อ.xlsx", changes.RootElement.GetProperty("File").GetString());
        Assert.Equal(3, changes.RootElement.GetProperty("AttendeesAdded").GetInt32());
        Assert.NotNull(import.UserId);
        Assert.All(audit, a => Assert.Equal((import.UserId, import.UserName), (a.UserId, a.UserName)));
        Assert.Equal(7, audit.Count);
    }

    [Fact]
    public async Task A_record_gone_since_the_preview_stops_the_whole_import_and_nothing_is_saved()
    {
        await OpenCorrectionAsync();
        var preview = await PreviewAttendeesAsync();
        var wanida = preview.Rows.Single(r => r.Line == 4).PersonChoice;
        await host.Get<PersonService>().DeleteAsync(wanida);
        var before = await CountsAsync();

        var result = await Imports.ConfirmAsync(preview);

        Assert.False(result.Succeeded);
        Assert.Equal("Import.Stale", result.Errors[""]!.Key);
        // The other rows (two new people, a new organization) were not saved either.
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_row_with_an_error_that_the_user_includes_refuses_the_import()
    {
        await OpenCorrectionAsync();
        var preview = await PreviewAttendeesAsync();
        var before = await CountsAsync();
        var duplicate = preview.Rows.Single(r => r.Line == 7);
        duplicate.Skip = false;
        preview.Recheck();
        Assert.False(preview.CanConfirm);

        var result = await Imports.ConfirmAsync(preview);

        Assert.Equal(("Import.RowsHaveErrors", 7), (result.Errors[""]!.Key, (int)result.Errors[""]!.Args[0]));
        Assert.Equal(before, await CountsAsync());

        // Choosing "new person" for the duplicate is a choice the user may make: then it is no longer the same person.
        duplicate.PersonChoice = ImportRow.New;
        preview.Recheck();
        Assert.True(preview.CanConfirm);
    }

    [Fact]
    public async Task Approved_minutes_refuse_an_import_until_a_correction_is_opened()
    {
        var (preview, errors) = await Imports.PreviewAsync(ImportKind.Attendees, workshopId, "a.xlsx", new MemoryStream(Workbooks.Xlsx(AttendeeSheet)));
        Assert.Null(preview);
        Assert.Equal("Minutes.Locked", errors[""]!.Key);
    }

    [Theory]
    [InlineData(Roles.Partner)]
    [InlineData(Roles.Coordinator)]
    public async Task Only_editors_may_preview_or_confirm_an_import(string role)
    {
        await OpenCorrectionAsync();
        var preview = await PreviewAttendeesAsync();
        await host.SignInAsRoleAsync(role);
        var before = await CountsAsync();
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            Imports.PreviewAsync(ImportKind.People, null, "a.csv", new MemoryStream(Workbooks.Csv([["Name"], ["สมชาย ใจดี"]]))));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Imports.ConfirmAsync(preview));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_Google_Forms_contacts_export_fills_in_missing_details_and_adds_new_people()
    {
        var csv = Workbooks.Csv(
        [
            ["ประทับเวลา", "คำนำหน้า", "ชื่อ", "นามสกุล", "หน่วยงาน", "อีเมล", "เบอร์โทรศัพท์"],
            ["2024/07/31 9:01:02 AM GMT+7", "Mrs.", "Melinda", "Good", "World Bank Thailand", "mgood@worldbank.example", "+66 2 686 8300"],
            ["2024/07/31 9:05:10 AM GMT+7", "ดร.", "ปิยะ", "ทดสอบ", "ทน.ขอนแก่น", "piya@kkmuni.example", "043-221-111"],
            ["2024/07/31 9:06:00 AM GMT+7", "", "Bad", "Address", "", "not-an-email", ""],
        ]);
        var (preview, errors) = await Imports.PreviewAsync(ImportKind.People, null, "Google Forms.csv", new MemoryStream(csv));
        Assert.True(errors.IsValid);
        var bad = preview!.Rows.Single(r => r.Line == 4);
        Assert.True(bad.Skip);
        Assert.Contains(bad.Issues(ImportKind.People), i => i.Message.Key == "Validation.Email" && i.FieldLabel == "Person.Email");
        var before = await CountsAsync();

        var result = await Imports.ConfirmAsync(preview);

        Assert.Equal(new ImportOutcome(1, 1, 1, 0, 2, 0, 1), result.Outcome);
        await using var db = await DbAsync();
        var melinda = await db.People.SingleAsync(p => p.GivenNameEn == "Melinda");
        Assert.Equal(("melinda.good@wb.demo", "+66 2 686 8300"), (melinda.Email, melinda.Phone));
        var piya = await db.People.Include(p => p.Organization).SingleAsync(p => p.GivenNameTh == "ปิยะ");
        Assert.Equal((Honorific.Dr, "KKMC", "043-221-111"), (piya.Honorific, piya.Organization!.Acronym, piya.Phone));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Skip(before.Audit).ToListAsync();
        Assert.Contains(audit, a => a.EntityType == nameof(Person) && a.Action == AuditAction.Updated && a.EntityId == melinda.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(audit, a => a.Action == AuditAction.Imported && a.EntityType == nameof(Person));
    }

    [Fact]
    public async Task Organizations_are_matched_by_acronym_or_alias_and_new_ones_created_with_the_registers_validation()
    {
        var sheet = Workbooks.Xlsx(
        [
            ["ชื่อภาษาไทย", "ชื่อภาษาอังกฤษ", "ชื่อย่อ", "ชื่ออื่น", "เว็บไซต์"],
            ["มข.", "", "", "", ""],
            ["องค์การบริหารส่วนจังหวัดขอนแก่น", "Khon Kaen Provincial Administrative Organization", "KKPAO", "อบจ.ขอนแก่น", "https://www.kkpao.go.th"],
            ["สำนักงานทดสอบ", "Test Office", "", "", "javascript:alert(1)"],
        ]);
        var (preview, _) = await Imports.PreviewAsync(ImportKind.Organizations, null, "orgs.xlsx", new MemoryStream(sheet));
        var rows = preview!.Rows.ToDictionary(r => r.Line);
        Assert.True(rows[2].OrganizationChoice > 0);
        Assert.Equal(ImportRow.New, rows[3].OrganizationChoice);
        Assert.True(rows[4].Skip);
        Assert.Contains(rows[4].Issues(ImportKind.Organizations), i => i.Message.Key == "Validation.Url");

        var result = await Imports.ConfirmAsync(preview);

        Assert.Equal((1, 1), (result.Outcome!.OrganizationsCreated, result.Outcome.OrganizationsMatched));
        await using var db = await DbAsync();
        var created = await db.Organizations.SingleAsync(o => o.Acronym == "KKPAO");
        Assert.Equal(("Khon Kaen Provincial Administrative Organization", "อบจ.ขอนแก่น"), (created.NameEn, created.Aliases));
        Assert.False(await db.Organizations.AnyAsync(o => o.NameEn == "Test Office"));
    }

    [Fact]
    public async Task A_formula_is_stored_as_the_text_typed_and_leaves_csv_exports_neutralized()
    {
        var csv = Workbooks.Csv([["Name", "Organization"], ["=HYPERLINK(\"http://evil.example\",\"x\") Smith", "KKU"]]);
        var (preview, _) = await Imports.PreviewAsync(ImportKind.People, null, "formula.csv", new MemoryStream(csv));
        var row = Assert.Single(preview!.Rows);
        Assert.Contains(row.Issues(ImportKind.People), i => i.Message.Key == "Import.FormulaKept" && !i.IsError);

        Assert.True((await Imports.ConfirmAsync(preview)).Succeeded);

        await using var db = await DbAsync();
        var person = await db.People.SingleAsync(p => p.GivenNameEn.StartsWith("=HYPERLINK"));
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"x\")", person.GivenNameEn);
        // What the portal's CSV exports write for it: text, with the apostrophe that keeps a spreadsheet from running it.
        Assert.StartsWith("\"'=HYPERLINK", Csv.Cell(PersonNames.Full(person, thai: false)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hostile_file_is_refused_with_its_reason_and_changes_nothing()
    {
        var before = await CountsAsync();
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF");
        foreach (var (name, content, key) in new[]
        {
            ("renamed.xlsx", pdf, "Import.NotXlsx"),
            ("bomb.xlsx", Workbooks.ZipBomb(60), "Import.TooLargeExpanded"),
            ("empty.csv", Array.Empty<byte>(), "Import.EmptyFile"),
            ("headings.csv", Workbooks.Csv([["a", "b"], ["c", "d"]]), "Import.NoNameColumn"),
        })
        {
            var (preview, errors) = await Imports.PreviewAsync(ImportKind.People, null, name, new MemoryStream(content));
            Assert.Null(preview);
            Assert.Equal(key, errors["File"]!.Key);
        }
        var big = Enumerable.Range(0, SpreadsheetReader.MaxRows + 1).Select(i => new[] { $"คน {i}" });
        var (_, tooMany) = await Imports.PreviewAsync(ImportKind.People, null, "big.xlsx", new MemoryStream(Workbooks.Xlsx([["ชื่อ"], .. big])));
        Assert.Equal(("Import.TooManyRows", SpreadsheetReader.MaxRows), (tooMany["File"]!.Key, (int)tooMany["File"]!.Args[0]));
        Assert.Equal(before, await CountsAsync());
    }
}
