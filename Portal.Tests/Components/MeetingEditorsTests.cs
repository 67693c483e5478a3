using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Auth;
using Portal.Features.Meetings;
using Portal.Features.Organizations;
using Portal.Features.People;
using Portal.Localization;
using Portal.Validation;
using Portal.Features.Minutes;

namespace Portal.Tests.Components;

public class MeetingEditorsTests : ComponentTestBase
{
    private static string Text<T>(IRenderedComponent<T> rendered) where T : IComponent => string.Concat(rendered.Nodes.Select(n => n.TextContent));

    private async Task<Meeting> DraftAsync(params string[] topics)
    {
        var kktt = (await Host.Get<OrganizationService>().AllAsync()).Single(o => o.Acronym == "KKTT").Id;
        var id = (await Host.Get<MeetingService>().SaveAsync(null, new MeetingForm
        {
            TitleTh = "ประชุม", TitleEn = "Meeting", Date = new DateTime(2024, 8, 1), StartTime = new TimeSpan(9, 0, 0), HostOrganizationId = kktt,
        })).Id!.Value;
        foreach (var topic in topics)
            await Host.Get<AgendaService>().SaveAsync(id, null, new AgendaItemForm { TopicTh = topic, TopicEn = topic });
        return (await Host.Get<MeetingService>().GetAsync(id))!;
    }

    /// <summary>Renders a section the way the meeting page does: every change reloads the meeting and renders it again.</summary>
    private IRenderedComponent<TSection> RenderSection<TSection>(Meeting meeting, bool canEdit = true) where TSection : IComponent
    {
        IRenderedComponent<TSection>? section = null;
        section = Context.Render<TSection>(p =>
        {
            p.TryAdd("Meeting", meeting);
            p.TryAdd("CanEdit", canEdit);
            p.TryAdd("OnChanged", EventCallback.Factory.Create(this, async () =>
            {
                var reloaded = await Host.Get<MeetingService>().GetAsync(meeting.Id);
                await section!.InvokeAsync(() => section!.Render(q => q.TryAdd("Meeting", reloaded!)));
            }));
        });
        return section;
    }

    [Fact]
    public async Task Agenda_items_move_up_and_down_with_the_arrow_buttons_and_renumber()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
        var meeting = await DraftAsync("เปิดประชุม", "รายงาน", "เรื่องอื่น ๆ");
        var agenda = RenderSection<AgendaSection>(meeting);
        var firstUp = agenda.FindAll("[data-testid=move-up]")[0];
        Assert.True(firstUp.HasAttribute("disabled"));
        Assert.True(agenda.FindAll("[data-testid=move-down]")[2].HasAttribute("disabled"));

        await agenda.FindAll("[data-testid=move-down]")[0].ClickAsync(new());
        agenda.WaitForAssertion(() =>
        {
            var items = agenda.FindAll("[data-testid=agenda-item] h3").Select(h => h.TextContent.Trim()).ToList();
            Assert.Equal(["ระเบียบวาระที่ 1 รายงาน", "ระเบียบวาระที่ 2 เปิดประชุม", "ระเบียบวาระที่ 3 เรื่องอื่น ๆ"], items);
        });
        await agenda.FindAll("[data-testid=move-up]")[2].ClickAsync(new());
        agenda.WaitForAssertion(() => Assert.Contains("ระเบียบวาระที่ 2 เรื่องอื่น ๆ", Text(agenda)));
        Assert.Equal(["รายงาน", "เรื่องอื่น ๆ", "เปิดประชุม"], (await Host.Get<MeetingService>().GetAsync(meeting.Id))!.AgendaItems.Select(i => i.TopicTh));
    }

    [Fact]
    public async Task Reading_without_edit_rights_shows_no_reordering_or_editing_controls()
    {
        var meeting = await DraftAsync("หนึ่ง", "สอง");
        var agenda = RenderSection<AgendaSection>(meeting, canEdit: false);
        Assert.Empty(agenda.FindAll("[data-testid=move-up], [data-testid=move-down], [data-testid=edit-agenda-item], [data-testid=add-agenda-item]"));
        var attendees = RenderSection<AttendeeSection>(meeting, canEdit: false);
        Assert.Empty(attendees.FindAll("[data-testid=add-attendee], [data-testid=remove-attendee]"));
    }

    [Fact]
    public async Task The_attendance_list_shows_roles_and_the_tally_in_the_readers_language()
    {
        var workshopId = (await Host.Get<MeetingListService>().ListAsync(new ListQuery("Aiyara", 0, 1, null, false), new MeetingFilter())).Items.Single().Id;
        var workshop = (await Host.Get<MeetingService>().GetAsync(workshopId))!;

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
        var thai = RenderSection<AttendeeSection>(workshop, canEdit: false);
        Assert.Equal("19 คน จาก 19 หน่วยงาน", thai.Find("[data-testid=tally]").TextContent.Trim());
        Assert.Equal(19, thai.FindAll("[data-testid=attendee-row]").Count);
        Assert.Contains("ประธาน", thai.FindAll("[data-testid=attendee-row]")[0].TextContent);

        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.EnglishCulture;
        var english = RenderSection<AttendeeSection>(workshop, canEdit: false);
        Assert.Equal("19 people from 19 organizations", english.Find("[data-testid=tally]").TextContent.Trim());
        Assert.Contains("Mr. Suradech Taweesaengsakulthai", english.FindAll("[data-testid=attendee-row]")[0].TextContent);
        Assert.Contains("Chair", english.FindAll("[data-testid=attendee-row]")[0].TextContent);
    }

    [Fact]
    public async Task An_attendee_on_someone_elses_behalf_must_say_whose_and_the_tally_follows_the_statuses()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
        var meeting = await DraftAsync();
        var melinda = (await Host.Get<PersonService>().ListAsync(new ListQuery("Melinda", 0, 1, null, false))).Items.Single();
        var editor = Context.Render<AttendeeEditor>(p => p.Add(e => e.MeetingId, meeting.Id).Add(e => e.Initial, new AttendeeForm
        {
            PersonId = melinda.Id, OrganizationId = melinda.OrganizationId, Status = AttendanceStatus.OnBehalf,
        }).Add(e => e.InitialPerson, melinda));
        Assert.NotEmpty(editor.FindAll("[data-testid=attendee-on-behalf]"));
        await editor.Find("[data-testid=attendee-save]").ClickAsync(new());
        editor.WaitForAssertion(() => Assert.Contains("โปรดเลือกผู้ที่มาประชุมแทน หรือพิมพ์ชื่อ", Text(editor)));
        Assert.Empty((await Host.Get<MeetingService>().GetAsync(meeting.Id))!.Attendees);

        editor.Find("input[data-testid=attendee-on-behalf], [data-testid=attendee-on-behalf] input").Change("ผู้อำนวยการธนาคารโลก");
        await editor.Find("[data-testid=attendee-save]").ClickAsync(new());
        editor.WaitForAssertion(() => Assert.Single(Host.Get<MeetingService>().GetAsync(meeting.Id).Result!.Attendees));

        var wanida = (await Host.Get<PersonService>().ListAsync(new ListQuery("Wanida", 0, 1, null, false))).Items.Single();
        await Host.Get<AttendanceService>().SaveAsync(meeting.Id, null, new AttendeeForm { PersonId = wanida.Id, OrganizationId = wanida.OrganizationId, Status = AttendanceStatus.Excused, AbsenceReason = "ติดราชการ" });
        var section = RenderSection<AttendeeSection>((await Host.Get<MeetingService>().GetAsync(meeting.Id))!);
        Assert.Equal("1 คน จาก 1 หน่วยงาน", section.Find("[data-testid=tally]").TextContent.Trim());
        Assert.Contains("มาประชุมแทน ผู้อำนวยการธนาคารโลก", Text(section));
        Assert.Contains("ติดราชการ", Text(section));
    }

    [Fact]
    public async Task The_minutes_panel_offers_each_role_only_its_own_next_steps()
    {
        var meeting = await DraftAsync("วาระ");
        IRenderedComponent<MinutesPanel> Panel(Meeting m) => Context.Render<MinutesPanel>(p => p.Add(e => e.Meeting, m));
        string[] Buttons(IRenderedComponent<MinutesPanel> panel) =>
            panel.FindAll("button[data-testid^=minutes-]").Select(b => b.GetAttribute("data-testid")!).ToArray();

        Assert.Equal(["minutes-SubmitForReview"], Buttons(Panel(meeting)));
        await Host.Get<MinutesService>().TransitionAsync(meeting.Id, MinutesTransition.SubmitForReview);
        var inReview = (await Host.Get<MeetingService>().GetAsync(meeting.Id))!;
        Assert.Empty(Buttons(Panel(inReview)));
        await Host.SignInAsRoleAsync(Roles.Coordinator);
        Assert.Equal(["minutes-Approve", "minutes-ReturnToDraft"], Buttons(Panel(inReview)));
        await Host.SignInAsRoleAsync(Roles.Partner);
        Assert.Empty(Buttons(Panel(inReview)));
    }
}
