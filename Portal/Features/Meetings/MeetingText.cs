using Portal.Localization;

namespace Portal.Features.Meetings;

/// <summary>How a meeting's particulars are written in each language.</summary>
public static class MeetingText
{
    /// <summary>"ครั้งที่ 3/2567" in Thai (Buddhist Era), "No. 3/2024" in English.</summary>
    public static string Number(int number, DateOnly date, bool thai) =>
        string.Format(CultureInfo.InvariantCulture, BilingualText.Get("Meeting.NumberFormat", thai), number,
            thai ? ThaiDates.BuddhistYear(date.Year) : date.Year);

    /// <summary>
    /// The title as it reads after a phrase that already says ประชุม ("ขอเชิญเข้าร่วมประชุม…", "กำหนดจัดการประชุม…"): a
    /// Thai title that starts with ประชุม or การประชุม loses it, so the letter does not say "ประชุมประชุม".
    /// </summary>
    public static string AfterMeetingWord(string title, bool thai)
    {
        if (!thai) return title;
        foreach (var word in (ReadOnlySpan<string>)["การประชุม", "ประชุม"])
            if (title.StartsWith(word, StringComparison.Ordinal) && title.Length > word.Length)
                return title[word.Length..].TrimStart();
        return title;
    }

    /// <summary>"09:00–12:00 น." in Thai, "09:00–12:00" in English.</summary>
    public static string Times(TimeOnly start, TimeOnly? end, bool thai)
    {
        var range = end is null ? start.ToString("HH:mm", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start:HH:mm}–{end:HH:mm}");
        return thai ? range + " น." : range;
    }

    /// <summary>"19 คน จาก 19 หน่วยงาน" / "19 people from 19 organizations".</summary>
    public static string Tally(AttendanceTally tally, bool thai) =>
        string.Format(CultureInfo.InvariantCulture, BilingualText.Get("Meeting.Tally", thai), tally.People, tally.Organizations);
}
