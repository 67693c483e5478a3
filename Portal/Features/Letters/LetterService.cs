using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Data;
using Portal.Features.Invitations;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Localization;
using Portal.Printing;
using Portal.Validation;

namespace Portal.Features.Letters;

/// <summary>
/// The official invitation letters (หนังสือเชิญประชุม) of a meeting: the letterhead an administrator sets, the text staff
/// write for the meeting, and the letter numbers given out, one running number per year.
/// </summary>
public class LetterService(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, PrintHtml printHtml, InvitationNotifier notifier)
{
    /// <summary>An uploaded logo as the drawing the letters will carry, or null with the reason in <paramref name="errors"/>.</summary>
    public static byte[]? CleanLogo(byte[] logo, FieldErrors errors)
    {
        if (logo.Length > LogoBytes)
            errors.Add(nameof(LetterheadForm.NewLogo), "Letterhead.LogoTooLarge", LogoBytes / 1024);
        else if (SvgLogo.Clean(logo) is not { } drawing)
            errors.Add(nameof(LetterheadForm.NewLogo), "Letterhead.LogoType");
        else
            return SvgLogo.Bytes(drawing);
        return null;
    }

    /// <summary>Logos larger than this are refused: the logo travels in every letter and every backup.</summary>
    public const int LogoBytes = LetterheadConfiguration.LogoBytes;

    public async Task<Letterhead> LetterheadAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Letterheads.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new Letterhead();
    }

    public async Task<SaveResult> SaveLetterheadAsync(LetterheadForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync([Roles.Admin]);
        var errors = new FieldErrors();
        errors.Required(nameof(form.SenderTh), form.SenderTh);
        errors.Required(nameof(form.SenderEn), form.SenderEn);
        errors.Required(nameof(form.NumberPrefixTh), form.NumberPrefixTh);
        errors.Required(nameof(form.NumberPrefixEn), form.NumberPrefixEn);
        errors.Required(nameof(form.SignatoryTh), form.SignatoryTh);
        errors.Required(nameof(form.SignatoryEn), form.SignatoryEn);
        foreach (var (field, value, max) in new[]
        {
            (nameof(form.SenderTh), form.SenderTh, FieldLengths.Name), (nameof(form.SenderEn), form.SenderEn, FieldLengths.Name),
            (nameof(form.AddressTh), form.AddressTh, FieldLengths.Reason), (nameof(form.AddressEn), form.AddressEn, FieldLengths.Reason),
            (nameof(form.NumberPrefixTh), form.NumberPrefixTh, FieldLengths.Acronym), (nameof(form.NumberPrefixEn), form.NumberPrefixEn, FieldLengths.Acronym),
            (nameof(form.SignatoryTh), form.SignatoryTh, FieldLengths.Name), (nameof(form.SignatoryEn), form.SignatoryEn, FieldLengths.Name),
            (nameof(form.SignatoryPositionTh), form.SignatoryPositionTh, FieldLengths.Position), (nameof(form.SignatoryPositionEn), form.SignatoryPositionEn, FieldLengths.Position),
            (nameof(form.ContactTh), form.ContactTh, FieldLengths.Reason), (nameof(form.ContactEn), form.ContactEn, FieldLengths.Reason),
        })
            errors.MaxLength(field, value, max);
        if (form.NewLogo is { } logo && CleanLogo(logo, errors) is { } cleaned)
            (form.NewLogo, form.NewLogoContentType) = (cleaned, SvgLogo.ContentType);
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var letterhead = await db.Letterheads.FirstOrDefaultAsync(cancellationToken);
        if (letterhead is null)
        {
            letterhead = new Letterhead();
            db.Letterheads.Add(letterhead);
        }
        return await Concurrency.SaveAsync(db, letterhead, form, LetterheadForm.From, form.ApplyTo, l => l.Id, cancellationToken);
    }

    public async Task<InvitationLetterForm> TextAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.InvitationLetterTexts.AsNoTracking().FirstOrDefaultAsync(t => t.MeetingId == meetingId, cancellationToken) is { } text
            ? InvitationLetterForm.From(text) : new InvitationLetterForm();
    }

    public async Task<SaveResult> SaveTextAsync(int meetingId, InvitationLetterForm form, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        var errors = new FieldErrors();
        errors.MaxLength(nameof(form.ReferenceTh), form.ReferenceTh, FieldLengths.Reason);
        errors.MaxLength(nameof(form.ReferenceEn), form.ReferenceEn, FieldLengths.Reason);
        errors.MaxLength(nameof(form.PurposeTh), form.PurposeTh, FieldLengths.Notes);
        errors.MaxLength(nameof(form.PurposeEn), form.PurposeEn, FieldLengths.Notes);
        errors.MaxLength(nameof(form.EnclosuresTh), form.EnclosuresTh, FieldLengths.Reason);
        errors.MaxLength(nameof(form.EnclosuresEn), form.EnclosuresEn, FieldLengths.Reason);
        if (!errors.IsValid) return SaveResult.Invalid(errors);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken)) return SaveResult.NotFound();
        var text = await db.InvitationLetterTexts.FirstOrDefaultAsync(t => t.MeetingId == meetingId, cancellationToken);
        if (text is null)
        {
            text = new InvitationLetterText { MeetingId = meetingId };
            db.InvitationLetterTexts.Add(text);
        }
        return await Concurrency.SaveAsync(db, text, form, InvitationLetterForm.From, form.ApplyTo, t => t.MeetingId, cancellationToken);
    }

    /// <summary>The organizations a meeting's letters go to (its invitees' organizations), with the number each letter has, if given.</summary>
    public async Task<IReadOnlyList<LetterAddressee>> AddresseesAsync(int meetingId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.InternalRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var letterhead = await db.Letterheads.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new Letterhead();
        var organizations = await InvitedOrganizations(db, meetingId).ToListAsync(cancellationToken);
        var issued = await db.IssuedLetters.AsNoTracking().Where(l => l.MeetingId == meetingId).ToListAsync(cancellationToken);
        return [.. organizations.Select(o => new LetterAddressee(o.Id, o.Name, InvitationService.WritesInThai(o),
            issued.FirstOrDefault(l => l.OrganizationId == o.Id) is { } letter ? LetterNumber.Of(letterhead, letter, InvitationService.WritesInThai(o)) : null))];
    }

    /// <summary>
    /// The letters to print, one per invited organization (or only <paramref name="organizationId"/>'s): each is given
    /// the next number of the year the first time it is printed, and keeps it after.
    /// </summary>
    public async Task<IReadOnlyList<InvitationLetter>> IssueAsync(int meetingId, int? organizationId, CancellationToken cancellationToken = default)
    {
        await currentUser.EnsureInAnyRoleAsync(Policies.EditorRoles);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.HostOrganization)
            .Include(m => m.AgendaItems.OrderBy(i => i.Position))
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null) return [];
        var organizations = await InvitedOrganizations(db, meetingId)
            .Where(o => organizationId == null || o.Id == organizationId).ToListAsync(cancellationToken);
        if (organizations.Count == 0) return [];
        var issued = await IssueNumbersAsync(db, meetingId, [.. organizations.Select(o => o.Id)], cancellationToken);
        notifier.Changed(meetingId);   // the letters page shows the numbers as soon as they are given
        var letterhead = await db.Letterheads.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new Letterhead();
        var text = await db.InvitationLetterTexts.AsNoTracking().FirstOrDefaultAsync(t => t.MeetingId == meetingId, cancellationToken)
            ?? new InvitationLetterText { MeetingId = meetingId };
        return [.. organizations.Select(o => new InvitationLetter(letterhead, LetterNumber.Of(letterhead, issued[o.Id], InvitationService.WritesInThai(o)),
            DateOnly.FromDateTime(ThaiDates.ToBangkok(issued[o.Id].IssuedAt)), o, meeting, text, InvitationService.WritesInThai(o)))];
    }

    /// <summary>The letters as one print document, Thai compounds kept whole at line ends.</summary>
    public async Task<string> HtmlAsync(IReadOnlyList<InvitationLetter> printed) =>
        ThaiWords.KeepTogetherInHtml(await printHtml.RenderAsync<InvitationLetterPrint>(
            new Dictionary<string, object?> { [nameof(InvitationLetterPrint.Letters)] = printed }));

    private static IQueryable<Organization> InvitedOrganizations(PortalDbContext db, int meetingId) =>
        db.Organizations.AsNoTracking()
            .Where(o => db.Invitations.Any(i => i.MeetingId == meetingId && i.OrganizationId == o.Id))
            .OrderBy(o => o.NameTh);

    /// <summary>Numbers given in one transaction; a number taken by another user at the same moment is taken again.</summary>
    private static async Task<Dictionary<int, IssuedLetter>> IssueNumbersAsync(PortalDbContext db, int meetingId, IReadOnlyList<int> organizationIds,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var existing = await db.IssuedLetters.Where(l => l.MeetingId == meetingId && organizationIds.Contains(l.OrganizationId))
                .ToDictionaryAsync(l => l.OrganizationId, cancellationToken);
            var missing = organizationIds.Where(id => !existing.ContainsKey(id)).ToList();
            if (missing.Count == 0) return existing;
            var now = db.UtcNow;
            var year = ThaiDates.ToBangkok(now).Year;
            var next = (await db.IssuedLetters.Where(l => l.Year == year).MaxAsync(l => (int?)l.Number, cancellationToken) ?? 0) + 1;
            foreach (var id in missing)
                db.IssuedLetters.Add(new IssuedLetter { MeetingId = meetingId, OrganizationId = id, Year = year, Number = next++, IssuedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

public sealed record LetterAddressee(int OrganizationId, Bilingual Name, bool Thai, string? Number);

/// <summary>Everything one printed letter says.</summary>
public sealed record InvitationLetter(Letterhead Letterhead, string Number, DateOnly Date, Organization Addressee, Meeting Meeting,
    InvitationLetterText Text, bool Thai);

public static class LetterNumber
{
    /// <summary>"ขคท 12/2569" in a Thai letter, "KKTT 12/2026" in an English one: the same number, each reader's year.</summary>
    public static string Of(Letterhead letterhead, IssuedLetter letter, bool thai) => thai
        ? $"{letterhead.NumberPrefixTh} {letter.Number}/{ThaiDates.BuddhistYear(letter.Year)}".Trim()
        : $"{letterhead.NumberPrefixEn} {letter.Number}/{letter.Year}".Trim();
}
