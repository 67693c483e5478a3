using Portal.Localization;

namespace Portal.Tests.Unit;

/// <summary>Dates typed in either calendar: the rule that reads them, independent of the reader's language.</summary>
public class TypedDatesTests
{
    private const int ThisYear = 2026;

    private static DateOnly? Read(string text) => TypedDates.ReadDate(text, ThisYear).Value;

    private static string? Refusal(string text) => TypedDates.ReadDate(text, ThisYear).ErrorKey;

    [Theory]
    [InlineData("14/1/2027")]   // a Western year, typed by a Thai reader: was read as B.E. 2027 = 1484 C.E.
    [InlineData("14/1/2570")]   // the same day in the Buddhist Era
    [InlineData("14/01/2570")]
    [InlineData("14.1.2027")]
    [InlineData("14-1-2570")]
    [InlineData(" 14 / 1 / 2027 ")]
    [InlineData("๑๔/๑/๒๕๗๐")]   // Thai digits
    [InlineData("2027-01-14")]  // ISO 8601
    [InlineData("14 มกราคม 2570")]
    [InlineData("14 ม.ค. 2570")]
    [InlineData("14 มกราคม พ.ศ. 2570")]
    [InlineData("14 January 2027")]
    [InlineData("14 Jan 2027")]
    [InlineData("14 january 2570")]
    public void Western_and_Buddhist_years_both_read_as_the_same_day(string typed) =>
        Assert.Equal(new DateOnly(2027, 1, 14), Read(typed));

    [Fact]
    public void The_workshop_day_in_the_Buddhist_Era() => Assert.Equal(new DateOnly(2024, 7, 31), Read("31/7/2567"));

    [Theory]
    [InlineData("1/2/1984", 1984)]  // within a century of 2026: C.E.
    [InlineData("1/2/1926", 1926)]  // exactly a century
    [InlineData("1/2/2126", 2126)]
    [InlineData("1/2/2400", 1857)]  // the first year read as B.E.
    public void Years_within_a_century_are_Christian_Era_and_from_2400_Buddhist_Era(string typed, int gregorianYear) =>
        Assert.Equal(new DateOnly(gregorianYear, 2, 1), Read(typed));

    [Theory]
    [InlineData("14/1/1484")]   // what B.E. 2027 would have been: neither calendar's plain reading
    [InlineData("14/1/1925")]   // a century and a year ago
    [InlineData("14/1/2127")]
    [InlineData("14/1/2399")]
    [InlineData("14 มกราคม ค.ศ. 2570")] // the era named contradicts the year
    [InlineData("14 January B.E. 2027")]
    public void Years_that_are_plainly_neither_are_refused(string typed) =>
        Assert.Equal(TypedDates.YearOutOfRange, Refusal(typed));

    [Theory]
    [InlineData("14/1/27")]
    [InlineData("14/1/70")]
    [InlineData("14/1/7")]
    [InlineData("14 ม.ค. 70")]
    public void Two_digit_years_are_refused_as_ambiguous(string typed) =>
        Assert.Equal(TypedDates.TwoDigitYear, Refusal(typed));

    [Theory]
    [InlineData("29/2/2027")]   // 2027 is not a leap year
    [InlineData("29/2/2570")]   // nor is B.E. 2570 (= 2027)
    [InlineData("31/4/2027")]
    [InlineData("0/1/2027")]
    [InlineData("1/14/2027")]   // month first is not read, never swapped
    [InlineData("2027-13-01")]
    public void Days_that_do_not_exist_are_refused(string typed) =>
        Assert.Equal(TypedDates.NoSuchDay, Refusal(typed));

    [Fact]
    public void The_twenty_ninth_of_February_of_a_leap_year_is_accepted()
    {
        Assert.Equal(new DateOnly(2028, 2, 29), Read("29/2/2028"));
        Assert.Equal(new DateOnly(2028, 2, 29), Read("29/2/2571"));
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("14/1")]
    [InlineData("14//2027")]
    [InlineData("14 Smarch 2027")]
    [InlineData("14/1/2027/5")]
    [InlineData("<script>")]
    [InlineData("１４/１/２０２７")]  // full-width digits are not Thai or ASCII: refused, not guessed
    public void Garbage_is_refused(string typed) => Assert.Equal(TypedDates.Unreadable, Refusal(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_field_is_no_date_and_no_error(string? typed)
    {
        var read = TypedDates.ReadDate(typed, ThisYear);
        Assert.True(read.Understood);
        Assert.Null(read.Value);
    }

    [Fact]
    public void The_field_shows_the_date_back_in_the_readers_calendar()
    {
        var day = new DateOnly(2027, 1, 14);
        Assert.Equal("14/1/2570", TypedDates.EditText(day, thai: true));
        Assert.Equal("14/1/2027", TypedDates.EditText(day, thai: false));
        Assert.Equal(day, Read(TypedDates.EditText(day, thai: true)));
        Assert.Equal(day, Read(TypedDates.EditText(day, thai: false)));
        Assert.Equal("14 มกราคม 2570 (ค.ศ. 2027)", TypedDates.Understood(day, thai: true, "{0} (ค.ศ. {1})"));
        Assert.Equal("14 January 2027 (B.E. 2570)", TypedDates.Understood(day, thai: false, "{0} (B.E. {1})"));
    }

    [Theory]
    [InlineData("9:30", 9, 30)]
    [InlineData("09:30", 9, 30)]
    [InlineData("9.30", 9, 30)]
    [InlineData("9.30 น.", 9, 30)]
    [InlineData("0930", 9, 30)]
    [InlineData("930", 9, 30)]
    [InlineData("13", 13, 0)]
    [InlineData("๑๓.๐๐", 13, 0)]
    [InlineData("23:59", 23, 59)]
    public void Times_are_read_as_people_write_them(string typed, int hours, int minutes) =>
        Assert.Equal(new TimeSpan(hours, minutes, 0), TypedDates.ReadTime(typed).Value);

    [Theory]
    [InlineData("24:00")]
    [InlineData("9:60")]
    [InlineData("noon")]
    [InlineData("9:3")]
    [InlineData("9:30 pm")]
    public void Times_that_are_not_are_refused(string typed) =>
        Assert.Equal(TypedDates.UnreadableTime, TypedDates.ReadTime(typed).ErrorKey);
}
