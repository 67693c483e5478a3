using Portal.Auth;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Localization;
using Portal.Validation;
using Portal.Printing;

namespace Portal.Features.Minutes;

/// <summary>
/// The minutes and attendance sheet of a meeting as HTML and PDF, for users allowed to see the meeting: KKTT's users
/// print the record as it stands (marked DRAFT until approved); a partner prints the latest approved version only.
/// </summary>
public class MinutesPdfService(MeetingService meetings, MinutesService minutes, ActionItemService actionItems, CarryForward.CarryForwardService carryForward, CurrentUser currentUser,
    PrintHtml printHtml, PdfPrinter pdfPrinter)
{
    /// <param name="OwnActionItemsOnly">A partner is given only their own organization's action items.</param>
    public sealed record Printable(MinutesDocument Document, bool Draft, IReadOnlyList<ActionItemRow> ActionItems, bool OwnActionItemsOnly = false);

    /// <summary>The minutes to print: an approved <paramref name="version"/> when one is asked for, otherwise as described above.</summary>
    public async Task<Printable?> LoadAsync(int meetingId, int? version = null, CancellationToken cancellationToken = default)
    {
        var internalUser = await currentUser.IsInAnyRoleAsync(Policies.InternalRoles);
        if (version is null && internalUser)
        {
            if (await meetings.GetAsync(meetingId, cancellationToken) is not { DeletedAt: null } meeting) return null;
            var items = (await actionItems.ListAsync(new ListQuery(null, 0, 200, null, false), new ActionItemFilter(MeetingId: meetingId), cancellationToken)).Items;
            return new Printable(await minutes.DocumentAsync(meeting, cancellationToken), meeting.MinutesStatus != MinutesStatus.Approved, items);
        }
        if (await minutes.GetVersionAsync(meetingId, version, cancellationToken) is not { } approved) return null;
        var own = (await actionItems.ListAsync(new ListQuery(null, 0, 200, null, false), new ActionItemFilter(MeetingId: meetingId), cancellationToken)).Items;
        return new Printable(await carryForward.ForReaderAsync(approved.Document, cancellationToken), false, own, OwnActionItemsOnly: !internalUser);
    }

    /// <summary>The minutes as a print document, Thai compounds kept whole at line ends (as in every print document).</summary>
    public async Task<string> MinutesHtmlAsync(Printable printable, PrintLanguage language) =>
        ThaiWords.KeepTogetherInHtml(await printHtml.RenderAsync<MinutesPrint>(new Dictionary<string, object?>
        {
            [nameof(MinutesPrint.Document)] = printable.Document,
            [nameof(MinutesPrint.Language)] = language,
            [nameof(MinutesPrint.Draft)] = printable.Draft,
            [nameof(MinutesPrint.ActionItems)] = printable.ActionItems,
            [nameof(MinutesPrint.OwnActionItemsOnly)] = printable.OwnActionItemsOnly,
        }));

    /// <summary>The attendance sheet; with the meeting's check-in link (Features/CheckIn) its QR code is printed in the heading.</summary>
    public async Task<string> AttendanceSheetHtmlAsync(Printable printable, string? checkInLink = null) =>
        ThaiWords.KeepTogetherInHtml(await printHtml.RenderAsync<AttendanceSheetPrint>(
            new Dictionary<string, object?> { [nameof(AttendanceSheetPrint.Document)] = printable.Document, [nameof(AttendanceSheetPrint.CheckInLink)] = checkInLink }));

    public Task<byte[]> PdfAsync(string html, CancellationToken cancellationToken = default) => pdfPrinter.PdfAsync(html, cancellationToken);
}
