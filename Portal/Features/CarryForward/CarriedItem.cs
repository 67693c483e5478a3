using Portal.Data;
using Portal.Features.ActionItems;
using Portal.Features.Meetings;
using Portal.Localization;
using Portal.Validation;

namespace Portal.Features.CarryForward;

/// <summary>
/// An action item as the matters arising (เรื่องสืบเนื่อง) of a meeting list it: where it came from, who owns it, when it is
/// due, where it stands, its latest update and what this meeting said about it. Part of the minutes document, so it is
/// frozen with an approved version as it stood then.
/// </summary>
public sealed record CarriedItem(
    int ActionItemId,
    string TitleTh,
    string TitleEn,
    int FromMeetingId,
    int? FromNumber,
    DateOnly FromDate,
    string FromTitleTh,
    string FromTitleEn,
    IReadOnlyList<Bilingual> Owners,
    IReadOnlyList<int> OwnerOrganizationIds,
    Bilingual? Assignee,
    DateOnly? DueDate,
    ActionStatus Status,
    string? LatestUpdate,
    DateTime? LatestUpdateAt,
    string? NoteTh,
    string? NoteEn)
{
    public string Title(bool thai) => new Bilingual(TitleTh, TitleEn).In(thai);
    public string? Note(bool thai) => new Bilingual(NoteTh, NoteEn).Only(thai);
    public bool HasNote => !string.IsNullOrWhiteSpace(NoteTh) || !string.IsNullOrWhiteSpace(NoteEn);

    /// <summary>"การประชุมครั้งที่ 1/2567" / "meeting No. 1/2024"; the title and date for a meeting without a number.</summary>
    public string From(bool thai) => FromNumber is { } number
        ? string.Format(Culture(thai), BilingualText.Get("CarryForward.FromNumbered", thai), MeetingText.Number(number, FromDate, thai))
        : string.Format(Culture(thai), BilingualText.Get("CarryForward.FromMeeting", thai), new Bilingual(FromTitleTh, FromTitleEn).In(thai),
            ThaiDates.LongDate(FromDate, Culture(thai)));

    private static CultureInfo Culture(bool thai) => thai ? PortalCultures.ThaiCulture : PortalCultures.EnglishCulture;

    public string OwnerNames(bool thai) => string.Join(", ", Owners.Select(o => o.In(thai)));
}

/// <summary>What staff write about a carried item at a meeting.</summary>
public sealed record CarriedNoteForm : IVersionedForm
{
    /// <summary>The version of the note this form was filled from; 0 for a note not yet written.</summary>
    public int Version { get; set; }
    public string? NoteTh { get; set; }
    public string? NoteEn { get; set; }

    public static CarriedNoteForm From(CarriedItemNote n) => new() { Version = n.Version, NoteTh = n.NoteTh, NoteEn = n.NoteEn };

    public void ApplyTo(CarriedItemNote n)
    {
        n.NoteTh = Input.Blank(NoteTh);
        n.NoteEn = Input.Blank(NoteEn);
    }
}

/// <summary>What the meeting resolved on the previous minutes, as the confirming agenda item records it.</summary>
public sealed record ConfirmationForm : IVersionedForm
{
    /// <summary>The version of the agenda item this form was filled from.</summary>
    public int Version { get; set; }
    public MinutesConfirmation? Confirmation { get; set; }
    public string? CorrectionsTh { get; set; }
    public string? CorrectionsEn { get; set; }

    public static ConfirmationForm From(AgendaItem i) => new()
    {
        Version = i.Version, Confirmation = i.Confirmation, CorrectionsTh = i.CorrectionsTh, CorrectionsEn = i.CorrectionsEn,
    };

    public void ApplyTo(AgendaItem i)
    {
        i.Confirmation = Confirmation;
        var corrected = Confirmation == MinutesConfirmation.WithCorrections;
        i.CorrectionsTh = corrected ? Input.Blank(CorrectionsTh) : null;
        i.CorrectionsEn = corrected ? Input.Blank(CorrectionsEn) : null;
    }
}

/// <summary>
/// What recording a confirmation with corrections will do to the previous meeting's minutes: open <paramref name="NextVersion"/>
/// of the approved minutes of <paramref name="Meeting"/> with <paramref name="Reason"/>. Shown to staff before they confirm.
/// </summary>
public sealed record CorrectionOpening(int MeetingId, Bilingual Meeting, int NextVersion, string Reason);
