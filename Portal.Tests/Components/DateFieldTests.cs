using System.Globalization;
using Bunit;
using Portal.Components.Shared;
using Portal.Localization;

namespace Portal.Tests.Components;

/// <summary>The date field itself: typed text reaches the typed-dates rule, and what it understood shows under the field.</summary>
public class DateFieldTests : ComponentTestBase
{
    private IRenderedComponent<DateField> Render(CultureInfo culture, Action<DateTime?> changed)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        return Context.Render<DateField>(p => p
            .Add(f => f.Label, "date")
            .Add(f => f.DateChanged, (DateTime? value) => changed(value)));
    }

    private static void Type(IRenderedComponent<DateField> field, string text)
    {
        field.Find("input").Change(text);
        field.Find("input").Blur();
    }

    [Theory]
    [InlineData("th-TH", "14/1/2027", "14 มกราคม 2570 (ค.ศ. 2027)")]
    [InlineData("en-US", "14/1/2570", "14 January 2027 (B.E. 2570)")]
    public void A_year_in_either_calendar_becomes_the_same_day_and_is_shown_back(string culture, string typed, string shown)
    {
        DateTime? date = null;
        var field = Render(CultureInfo.GetCultureInfo(culture), value => date = value);
        Type(field, typed);
        Assert.Equal(new DateTime(2027, 1, 14), date);
        field.Render(p => p.Add(f => f.Date, date));
        Assert.Contains(shown, field.Markup);
        Assert.False(field.Instance.Unreadable);
    }

    [Theory]
    [InlineData("th-TH", "31/2/2570", "ไม่มีวันนี้")]
    [InlineData("th-TH", "14/1/1484", "2400")]
    [InlineData("en-US", "next tuesday", "Not a date")]
    [InlineData("en-US", "14/1/27", "four digits")]
    public void Text_that_is_no_date_is_refused_next_to_the_field_kept_as_typed_and_never_saved(string culture, string typed, string message)
    {
        var changes = 0;
        var field = Render(CultureInfo.GetCultureInfo(culture), _ => changes++);
        Type(field, typed);
        Assert.Equal(0, changes);
        Assert.True(field.Instance.Unreadable);
        Assert.Contains(message, field.Find(".mud-input-helper-text").TextContent);
        Assert.Equal(typed, field.Find("input").GetAttribute("value"));

        Type(field, culture == "th-TH" ? "14/1/2570" : "14/1/2027");
        Assert.Equal(1, changes);
        Assert.False(field.Instance.Unreadable);
    }
}
