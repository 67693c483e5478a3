using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Auth;
using Portal.Features.Organizations;
using Portal.Localization;

namespace Portal.Tests.Components;

public class OrganizationEditorTests : ComponentTestBase
{
    private static void Type(IRenderedComponent<OrganizationEditor> editor, string testId, string value) =>
        editor.Find($"input[data-testid='{testId}']").Change(value);

    [Fact]
    public async Task Errors_appear_next_to_their_fields_in_Thai_and_the_typed_values_stay()
    {
        // The culture flows per test body, as it does per circuit in the app.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = PortalCultures.ThaiCulture;
        int? savedId = null;
        var editor = Context.Render<OrganizationEditor>(p => p.Add(e => e.OnSaved, id => savedId = id));
        Type(editor, "name-en", "World Bank Thailand");
        Type(editor, "acronym", "WB2");
        Type(editor, "website", "javascript:alert(document.cookie)");
        await editor.Find("[data-testid='save']").ClickAsync(new());

        editor.WaitForAssertion(() =>
        {
            // Text, not markup: the test renderer writes Thai as character entities.
            var markup = string.Concat(editor.Nodes.Select(n => n.TextContent));
            Assert.Contains("จำเป็นต้องกรอก", markup);
            Assert.Contains("มีหน่วยงานชื่อนี้อยู่แล้ว", markup);
            Assert.Contains("โปรดกรอกที่อยู่เว็บไซต์ที่ขึ้นต้นด้วย https://", markup);
        });
        Assert.Null(savedId);
        Assert.Equal("World Bank Thailand", editor.Find("input[data-testid='name-en']").GetAttribute("value"));
        Assert.Equal("javascript:alert(document.cookie)", editor.Find("input[data-testid='website']").GetAttribute("value"));
    }

    [Fact]
    public async Task A_valid_organization_is_saved_and_reported_to_the_page()
    {
        int? savedId = null;
        var editor = Context.Render<OrganizationEditor>(p => p.Add(e => e.OnSaved, id => savedId = id));
        Type(editor, "name-th", "สำนักงานจังหวัดขอนแก่น");
        Type(editor, "name-en", "Khon Kaen Provincial Office");
        Type(editor, "website", "https://www.khonkaen.go.th");
        await editor.Find("[data-testid='save']").ClickAsync(new());

        editor.WaitForAssertion(() => Assert.NotNull(savedId));
        var saved = await Host.Get<OrganizationService>().GetAsync(savedId!.Value);
        Assert.Equal("Khon Kaen Provincial Office", saved!.NameEn);
        Assert.Equal("https://www.khonkaen.go.th", saved.Website);
    }
}
