using Portal.Exports;
using Portal.Features.ActionItems;

namespace Portal.Tests.Unit;

public class ActionDueTests
{
    /// <summary>A clock fixed at one instant, for tests that depend on "today".</summary>
    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Today_is_the_Bangkok_date_even_while_it_is_still_yesterday_in_UTC()
    {
        // 17:30 UTC on 24 November is 00:30 on 25 November in Bangkok (UTC+7).
        Assert.Equal(new DateOnly(2026, 11, 25), ActionDue.Today(new FixedClock(new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2026, 11, 24), ActionDue.Today(new FixedClock(new DateTimeOffset(2026, 11, 24, 16, 59, 0, TimeSpan.Zero))));
    }

    [Theory]
    [InlineData(ActionStatus.Open, -1, true)]
    [InlineData(ActionStatus.InProgress, -30, true)]
    [InlineData(ActionStatus.Blocked, -1, true)]
    [InlineData(ActionStatus.Open, 0, false)]      // due today is not yet late
    [InlineData(ActionStatus.Done, -5, false)]
    [InlineData(ActionStatus.Cancelled, -5, false)]
    public void Overdue_means_past_the_due_date_and_still_to_do(ActionStatus status, int dueInDays, bool overdue)
    {
        var today = new DateOnly(2024, 8, 1);
        Assert.Equal(overdue, ActionDue.IsOverdue(status, today.AddDays(dueInDays), today));
    }

    [Fact]
    public void An_item_without_a_due_date_is_never_overdue_nor_due_soon()
    {
        var today = new DateOnly(2024, 8, 1);
        Assert.False(ActionDue.IsOverdue(ActionStatus.Open, null, today));
        Assert.False(ActionDue.IsDueWithin(ActionStatus.Open, null, today, 7));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(-1, false)]
    public void Due_within_a_week_counts_today_and_the_next_seven_days(int dueInDays, bool dueSoon)
    {
        var today = new DateOnly(2024, 12, 28);   // across a year end
        Assert.Equal(dueSoon, ActionDue.IsDueWithin(ActionStatus.InProgress, today.AddDays(dueInDays), today, 7));
    }
}

public class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+66 43 000 000", "'+66 43 000 000")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("ธนาคารโลก, ประเทศไทย", "\"ธนาคารโลก, ประเทศไทย\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("ขอนแก่น", "ขอนแก่น")]
    [InlineData(null, "")]
    public void Cells_are_quoted_when_needed_and_formulas_are_neutralized(string? value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));

    [Fact]
    public void The_file_is_UTF8_with_a_byte_order_mark_and_CRLF_rows()
    {
        var bytes = Csv.Write([["ชื่อ", "หน่วยงาน"], ["นางเมลินดา กู๊ด", "WB"]]);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("ชื่อ,หน่วยงาน\r\nนางเมลินดา กู๊ด,WB\r\n", System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }
}
