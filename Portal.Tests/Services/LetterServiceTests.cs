using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.DemoData;
using Portal.Features.Invitations;
using Portal.Features.Letters;

namespace Portal.Tests.Services;

/// <summary>Letter numbers, the letterhead and whom a meeting's letters go to.</summary>
public class LetterServiceTests : IAsyncLifetime
{
    private PortalHost host = null!;
    private LetterService Letters => host.Get<LetterService>();

    public async Task InitializeAsync()
    {
        host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var db = await host.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await work(db);
    }

    /// <summary>Invites the organizations with these acronyms (organization-level invitations) to a meeting; returns their ids.</summary>
    private Task<int[]> InviteAsync(int meetingId, params string[] acronyms) => WithDbAsync(async db =>
    {
        var organizations = await db.Organizations.Where(o => acronyms.Contains(o.Acronym!)).ToListAsync();
        db.Invitations.AddRange(organizations.Select(o => new Invitation { MeetingId = meetingId, OrganizationId = o.Id, AnswerKey = Guid.NewGuid().ToString("N") }));
        await db.SaveChangesAsync();
        return organizations.Select(o => o.Id).ToArray();
    });

    private Task<int[]> MeetingIdsAsync() => WithDbAsync(db => db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).ToArrayAsync());

    [Fact]
    public async Task Each_letter_gets_the_next_number_of_the_year_once_and_keeps_it()
    {
        var meetings = await MeetingIdsAsync();
        await InviteAsync(meetings[0], "KKMC", DemoOrganizations.WorldBank);
        await InviteAsync(meetings[1], "KKMC", "KKU");

        var first = await Letters.IssueAsync(meetings[0], null);
        var year = ThaiDatesNow();
        // Thai letters number in B.E., the English one (the World Bank is international) in C.E.
        var numbers = first.ToDictionary(l => l.Addressee.Acronym!, l => l.Number);
        Assert.Matches($"^ขคท [12]/{year + 543}$", numbers["KKMC"]);
        Assert.Matches($"^KKTT [12]/{year}$", numbers[DemoOrganizations.WorldBank]);
        Assert.NotEqual(numbers["KKMC"].Split(' ')[1][0], numbers[DemoOrganizations.WorldBank].Split(' ')[1][0]);
        Assert.False(first.Single(l => l.Addressee.Acronym == DemoOrganizations.WorldBank).Thai);

        // Printing again gives no new number; the next meeting's letters continue the year's count.
        var again = await Letters.IssueAsync(meetings[0], null);
        Assert.Equal(first.Select(l => l.Number).Order(), again.Select(l => l.Number).Order());
        var second = await Letters.IssueAsync(meetings[1], null);
        Assert.Equal(new[] { 3, 4 }, await WithDbAsync(db => db.IssuedLetters.Where(l => l.MeetingId == meetings[1]).OrderBy(l => l.Number).Select(l => l.Number).ToArrayAsync()));
        Assert.All(second, l => Assert.True(l.Thai));

        var addressees = await Letters.AddresseesAsync(meetings[1]);
        Assert.Equal(2, addressees.Count);
        Assert.All(addressees, a => Assert.StartsWith("ขคท ", a.Number));
    }

    [Fact]
    public async Task Letters_printed_at_the_same_moment_never_share_a_number()
    {
        var meetings = await MeetingIdsAsync();
        await InviteAsync(meetings[0], "KKMC", "KKU", "KKCC");
        await InviteAsync(meetings[1], "OHEC", "DEPA", "BOT-NE");
        await Task.WhenAll(
            Task.Run(() => Letters.IssueAsync(meetings[0], null)),
            Task.Run(() => host.Get<LetterService>().IssueAsync(meetings[1], null)));
        var numbers = await WithDbAsync(db => db.IssuedLetters.Select(l => l.Number).OrderBy(n => n).ToArrayAsync());
        Assert.Equal([1, 2, 3, 4, 5, 6], numbers);
    }

    [Fact]
    public async Task A_letter_to_one_organization_and_the_letters_of_an_uninvited_meeting()
    {
        var meetings = await MeetingIdsAsync();
        var ids = await InviteAsync(meetings[0], "KKMC", "KKU");
        var one = Assert.Single(await Letters.IssueAsync(meetings[0], ids[1]));
        Assert.Equal(ids[1], one.Addressee.Id);
        Assert.Contains(one.Meeting.AgendaItems, i => i.Position == 1);
        Assert.Empty(await Letters.IssueAsync(meetings[1], null));
        Assert.Empty(await Letters.IssueAsync(meetings[0], 999_999));
    }

    [Fact]
    public async Task Only_those_who_send_letters_number_them_and_only_an_administrator_sets_the_letterhead()
    {
        var meeting = (await MeetingIdsAsync())[0];
        await InviteAsync(meeting, "KKMC");
        foreach (var role in new[] { Roles.Partner, Roles.Coordinator })
        {
            await host.SignInAsRoleAsync(role);
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Letters.IssueAsync(meeting, null));
        }
        await host.SignInAsRoleAsync(Roles.Partner);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Letters.LetterheadAsync());
        await host.SignInAsRoleAsync(Roles.Staff);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => Letters.SaveLetterheadAsync(new LetterheadForm()));
        Assert.Equal(0, await WithDbAsync(db => db.IssuedLetters.CountAsync()));
    }

    [Fact]
    public async Task The_letterhead_keeps_what_was_typed_refuses_what_is_not_an_image_and_is_audited()
    {
        await host.SignInAsRoleAsync(Roles.Admin);
        var form = LetterheadForm.From(await Letters.LetterheadAsync());
        Assert.Equal("ขคท", form.NumberPrefixTh);   // the demo's

        form.SignatoryTh = "";
        form.NewLogo = "%PDF-1.7 not an image"u8.ToArray();
        var refused = await Letters.SaveLetterheadAsync(form);
        Assert.False(refused.Succeeded);
        Assert.Equal("Validation.Required", refused.Errors[nameof(form.SignatoryTh)]!.Key);
        Assert.Equal("Letterhead.LogoType", refused.Errors[nameof(form.NewLogo)]!.Key);

        form.NewLogo = new byte[LetterService.LogoBytes + 1];
        "<svg "u8.ToArray().CopyTo(form.NewLogo, 0);
        Assert.Equal("Letterhead.LogoTooLarge", (await Letters.SaveLetterheadAsync(form)).Errors[nameof(form.NewLogo)]!.Key);

        // A PNG is refused too: the printer draws logos, it cannot print raster images.
        form.NewLogo = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "Portal", "wwwroot", "favicon.png"));
        Assert.Equal("Letterhead.LogoType", (await Letters.SaveLetterheadAsync(form)).Errors[nameof(form.NewLogo)]!.Key);

        form.SignatoryTh = "ผศ.ดร.สมหญิง ใจดี";
        form.NewLogo = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' onclick='x()'/></svg>"u8.ToArray();
        Assert.True((await Letters.SaveLetterheadAsync(form)).Succeeded);
        var saved = await Letters.LetterheadAsync();
        Assert.Equal("ผศ.ดร.สมหญิง ใจดี", saved.SignatoryTh);
        Assert.Equal("image/svg+xml", saved.LogoContentType);
        var stored = System.Text.Encoding.UTF8.GetString(saved.Logo!);
        Assert.Contains("<rect width=\"10\" height=\"10\" />", stored);
        Assert.DoesNotContain("onclick", stored);
        Assert.True(await WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Letterhead) && a.Action == AuditAction.Updated)));

        // A form opened before that save is not applied over it.
        var stale = form with { SignatoryTh = "คนอื่น", NewLogo = null };
        Assert.NotNull((await Letters.SaveLetterheadAsync(stale)).Conflict);
    }

    [Fact]
    public async Task The_letter_text_of_a_meeting_is_saved_bounded_and_refused_for_a_missing_meeting()
    {
        var meeting = (await MeetingIdsAsync())[0];
        var form = await Letters.TextAsync(meeting);
        form.ReferenceTh = "หนังสือ ขคท 5/2569 ลงวันที่ 1 ธันวาคม 2569";
        form.PurposeEn = new string('x', FieldLengths.Notes + 1);
        Assert.Equal("Validation.MaxLength", (await Letters.SaveTextAsync(meeting, form)).Errors[nameof(form.PurposeEn)]!.Key);
        form.PurposeEn = "To agree the follow-up.";
        Assert.True((await Letters.SaveTextAsync(meeting, form)).Succeeded);
        Assert.Equal("To agree the follow-up.", (await Letters.TextAsync(meeting)).PurposeEn);
        Assert.False((await Letters.SaveTextAsync(999_999, new InvitationLetterForm())).Succeeded);
    }

    [Fact]
    public void A_logo_keeps_only_what_draws_and_nothing_that_runs_or_fetches()
    {
        const string hostile = """
            <?xml version="1.0"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="20" onload="alert(1)">
              <script>alert(2)</script>
              <foreignObject><div>html</div></foreignObject>
              <a href="https://evil.example"><rect width="5" height="5" /></a>
              <image href="https://evil.example/track.png" />
              <rect width="10" height="10" fill="url(https://evil.example/x)" style="fill: red" onclick="x()" />
              <use xlink:href="#logo" /><use href="https://evil.example/#x" />
              <circle id="logo" cx="5" cy="5" r="4" fill="url(#g)" />
              <text x="1" y="15">ขคท</text>
            </svg>
            """;
        var clean = SvgLogo.Clean(System.Text.Encoding.UTF8.GetBytes(hostile))!;
        foreach (var gone in new[] { "onload", "script", "alert", "foreignObject", "evil.example", "onclick", "<a", "<image", "width=\"40\"" })
            Assert.DoesNotContain(gone, clean, StringComparison.OrdinalIgnoreCase);
        foreach (var kept in new[] { "viewBox=\"0 0 40 20\"", "<circle id=\"logo\"", "fill=\"url(#g)\"", "href=\"#logo\"", ">ขคท</text>", "style=\"fill: red\"" })
            Assert.Contains(kept, clean);

        Assert.Null(SvgLogo.Clean(System.Text.Encoding.UTF8.GetBytes("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>")));
        Assert.Null(SvgLogo.Clean(System.Text.Encoding.UTF8.GetBytes("<html><body>not a drawing</body></html>")));
        Assert.Null(SvgLogo.Clean([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Null(SvgLogo.Clean([]));
    }

    private static int ThaiDatesNow() => Portal.Localization.ThaiDates.ToBangkok(DateTime.UtcNow).Year;
}
