using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Features.ActionItems;
using Portal.Localization;

namespace Portal.Tests.Components;

public class ActionItemComponentsTests : ComponentTestBase
{
    [Fact]
    public void The_timeline_shows_newest_first_with_author_status_moves_and_files()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
        List<ActionItemUpdate> updates =
        [
            new() { Id = 9, Text = "ส่งครบแล้ว", AuthorName = "partner.worldbank@kktt.demo", At = new DateTime(2024, 8, 20, 3, 0, 0), StatusFrom = ActionStatus.InProgress, StatusTo = ActionStatus.Done,
                AttachmentFileName = "รายงาน.pdf", AttachmentStoredName = "x" },
            new() { Id = 8, Text = "<script>alert(1)</script>", AuthorName = "staff@kktt.demo", At = new DateTime(2024, 8, 10, 3, 0, 0) },
        ];
        var timeline = Context.Render<UpdateTimeline>(p => p.Add(t => t.ItemId, 4).Add(t => t.Updates, updates));
        var entries = timeline.FindAll("[data-testid=timeline-entry]");
        Assert.Equal(2, entries.Count);
        Assert.Contains("partner.worldbank@kktt.demo", entries[0].TextContent);
        Assert.Contains("20 ส.ค. 2567 10:00", entries[0].TextContent);   // 03:00 UTC is 10:00 in Bangkok
        Assert.Contains("กำลังดำเนินการ → เสร็จแล้ว", timeline.Find("[data-testid=status-move]").TextContent);
        Assert.Equal("action-items/4/updates/9/attachment", timeline.Find("[data-testid=update-attachment]").GetAttribute("href"));
        // Typed text is text: no element is made of it.
        Assert.Empty(timeline.FindAll("script"));
        Assert.Contains("<script>alert(1)</script>", entries[1].TextContent);
    }

    [Fact]
    public void An_empty_timeline_says_so()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.EnglishCulture;
        var timeline = Context.Render<UpdateTimeline>(p => p.Add(t => t.ItemId, 1).Add(t => t.Updates, []));
        Assert.Contains("No progress reported yet.", timeline.Markup);
    }

    [Fact]
    public async Task The_filters_report_each_change_and_a_partner_gets_no_organization_filter()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.EnglishCulture;
        (string? Search, ActionItemFilter Filter)? last = null;
        var organizations = await Host.Get<Portal.Features.Organizations.OrganizationService>().AllAsync();
        var filters = Context.Render<ActionItemFilters>(p => p
            .Add(f => f.Organizations, organizations)
            .Add(f => f.OnChanged, change => last = change));
        Assert.NotEmpty(filters.FindAll("[data-testid=filter-organization]"));

        await filters.Find("input[data-testid=filter-overdue], [data-testid=filter-overdue] input").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });
        filters.WaitForAssertion(() => Assert.True(last?.Filter.OverdueOnly));
        filters.Find("input[data-testid=search], [data-testid=search] input").Input("โทเคน");
        filters.WaitForAssertion(() => Assert.Equal("โทเคน", last?.Search), TimeSpan.FromSeconds(3));

        var partnerFilters = Context.Render<ActionItemFilters>(p => p.Add(f => f.Organizations, []));
        Assert.Empty(partnerFilters.FindAll("[data-testid=filter-organization]"));
    }

    [Fact]
    public async Task The_compact_list_marks_overdue_items()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
        var rows = (await Host.Get<ActionItemService>().ListAsync(new Portal.Validation.ListQuery(null, 0, 10, null, false), new ActionItemFilter())).Items;
        var table = Context.Render<ActionItemTable>(p => p.Add(t => t.Items, rows));
        Assert.Equal(5, table.FindAll("[data-testid=action-item-row]").Count);
        var overdue = Assert.Single(table.FindAll("[data-testid=action-item-row]"), r => r.QuerySelector("[data-testid=overdue]") is not null);
        Assert.Contains("โทเคน", overdue.TextContent);
    }
}
