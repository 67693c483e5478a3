using System.Globalization;
using System.Xml.Linq;
using Portal.Features.People;
using Portal.Localization;

using Portal.Features.Meetings;
using Portal.Features.Minutes;

namespace Portal.Tests.Unit;

public class LocalizationTests
{
    [Fact]
    public void Thai_dates_use_the_Buddhist_era_and_English_dates_the_Gregorian_year()
    {
        var workshop = new DateOnly(2024, 7, 31);
        Assert.Equal("31 กรกฎาคม 2567", ThaiDates.LongDate(workshop, PortalCultures.ThaiCulture));
        Assert.Equal("31 July 2024", ThaiDates.LongDate(workshop, PortalCultures.EnglishCulture));
        Assert.Equal(2567, ThaiDates.BuddhistYear(2024));
    }

    [Fact]
    public void Instants_are_shown_in_Bangkok_time()
    {
        var utc = new DateTime(2024, 7, 31, 2, 30, 0, DateTimeKind.Utc);
        Assert.Equal("31 ก.ค. 2567 09:30", ThaiDates.DateTime(utc, PortalCultures.ThaiCulture));
        Assert.Equal("31 Jul 2024 09:30", ThaiDates.DateTime(utc, PortalCultures.EnglishCulture));
    }

    [Theory]
    [InlineData(Honorific.AssocProfDr, "รวี", "หาญเผชิญ", true, "รศ.ดร. รวี หาญเผชิญ")]
    [InlineData(Honorific.Mr, "สุรเดช", "ทวีแสงสกุลไทย", true, "นายสุรเดช ทวีแสงสกุลไทย")]
    [InlineData(Honorific.Mrs, "Melinda", "Good", false, "Mrs. Melinda Good")]
    [InlineData(Honorific.ProfDr, "Wanida", "Kanarkard", false, "Prof. Dr. Wanida Kanarkard")]
    [InlineData(Honorific.None, "Somchai", "", false, "Somchai")]
    public void Names_are_written_as_each_language_writes_them(Honorific honorific, string given, string family, bool thai, string expected) =>
        Assert.Equal(expected, PersonNames.Full(honorific, given, family, thai));

    [Fact]
    public void Every_resource_key_exists_in_both_languages_and_none_is_empty()
    {
        var english = ReadResx("SharedResource.resx");
        var thai = ReadResx("SharedResource.th.resx");
        Assert.Empty(english.Keys.Except(thai.Keys));
        Assert.Empty(thai.Keys.Except(english.Keys));
        Assert.DoesNotContain(english.Concat(thai), kv => string.IsNullOrWhiteSpace(kv.Value));
    }

    [Fact]
    public void Every_enum_value_shown_in_the_UI_has_a_label_in_both_languages()
    {
        var english = ReadResx("SharedResource.resx");
        var thai = ReadResx("SharedResource.th.resx");
        var keys = Enum.GetNames<Portal.Features.Organizations.OrganizationKind>().Select(n => $"OrganizationKind.{n}")
            .Concat(Enum.GetNames<Honorific>().Select(n => $"Honorific.{n}"))
            .Concat(Enum.GetNames<LegalBasis>().Select(n => $"LegalBasis.{n}"))
            .Concat(Enum.GetNames<Portal.Data.AuditAction>().Select(n => $"AuditAction.{n}"))
            .Concat(Enum.GetNames<MeetingKind>().Select(n => $"MeetingKind.{n}"))
            .Concat(Enum.GetNames<MinutesStatus>().Select(n => $"MinutesStatus.{n}"))
            .Concat(Enum.GetNames<MinutesStatus>().Select(n => $"Minutes.Explain.{n}"))
            .Concat(Enum.GetNames<MinutesTransition>().Select(n => $"MinutesTransition.{n}"))
            .Concat(Enum.GetNames<MinutesTransition>().Select(n => $"Minutes.Done.{n}"))
            .Concat(Enum.GetNames<AttendeeRole>().Select(n => $"AttendeeRole.{n}"))
            .Concat(Enum.GetNames<AttendanceStatus>().Select(n => $"AttendanceStatus.{n}"))
            .Concat(Portal.Auth.Roles.All.Select(r => $"Role.{r}"));
        foreach (var key in keys)
        {
            Assert.True(english.ContainsKey(key), $"English lacks {key}");
            Assert.True(thai.ContainsKey(key), $"Thai lacks {key}");
        }
    }

    [Fact]
    public void Bilingual_text_reads_the_requested_language_whatever_the_current_culture()
    {
        CultureInfo.CurrentUICulture = PortalCultures.EnglishCulture;
        Assert.Equal("ศ.ดร.", BilingualText.Get("Honorific.ProfDr", thai: true));
        Assert.Equal("Prof. Dr.", BilingualText.Get("Honorific.ProfDr", thai: false));
    }

    [Fact]
    public void The_language_switch_only_redirects_within_the_portal()
    {
        CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
        Assert.Equal("culture/set?culture=en-US&redirectUri=%2Forganizations%3Fq%3D1", PortalCultures.SwitchLanguageUrl("organizations?q=1"));
    }

    /// <summary>
    /// A sentence typed into a page's markup shows in one language whatever the reader chose. Pages under
    /// Components/Account and Features must take every visible text — text between tags, and the placeholder, title,
    /// aria-label, alt, Label, Placeholder, HelperText and Text attributes — from the resources.
    /// </summary>
    [Fact]
    public void No_page_of_the_account_or_the_features_has_visible_text_typed_into_its_markup()
    {
        var root = Path.Combine(RepositoryRoot.Path, "Portal");
        var files = new[] { "Components/Account", "Features" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*.razor", SearchOption.AllDirectories))
            .ToList();
        Assert.True(files.Count > 40, $"Only {files.Count} .razor files found under {root}");
        var found = files.SelectMany(file => RazorMarkup.LiteralTexts(File.ReadAllText(file))
            .Select(text => $"{Path.GetRelativePath(root, file)}: {text}")).ToList();
        Assert.True(found.Count == 0, "Visible text typed into markup instead of SharedResource:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("<p>Rename</p>", "Rename")]
    [InlineData("<button title=\"Remove this passkey\">@L[\"Common.Delete\"]</button>", "title=\"Remove this passkey\"")]
    [InlineData("<MudTextField Label=\"Name\" @bind-Value=\"x\" />", "Label=\"Name\"")]
    [InlineData("@if (x)\n{\n    <span>ชื่อ</span>\n}", "ชื่อ")]
    [InlineData("<p>You have @count codes left.</p>", "You have")]
    public void The_markup_check_finds_typed_text(string markup, string expected) =>
        Assert.Contains(RazorMarkup.LiteralTexts(markup), text => text.Contains(expected));

    [Theory]
    [InlineData("<p>@L[\"Login.Title\"]</p>")]
    [InlineData("<MudTextField Label=\"@L[\"Person.Name\"]\" Placeholder=\"@placeholder\" />")]
    [InlineData("@if (items.Count > 0)\n{\n    var first = items[0];\n    <span>@first.Name (@first.Acronym)</span>\n}\nelse if (x) { <b>@(a ?? b)</b> }")]
    [InlineData("@* A comment in English *@<div class=\"x\" data-testid=\"y\">@foreach (var d in days) { <i>@d</i> } – · 1/2 &nbsp;</div>")]
    [InlineData("<p>@(x) @L[\"A\", n]</p>\n@code {\n    private string text = \"English in code\";\n}")]
    public void The_markup_check_passes_text_from_resources_and_code(string markup) =>
        Assert.Empty(RazorMarkup.LiteralTexts(markup));

    internal static Dictionary<string, string> ReadResx(string name)
    {
        var path = Path.Combine(RepositoryRoot.Path, "Portal", "Localization", name);
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
    }
}
