using Portal.Auth;
using Portal.Features.Meetings;
using Portal.Validation;
using Xunit.Abstractions;

namespace Portal.Tests.Services;

public class ScratchDebugTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Debug()
    {
        await using var host = await PortalHost.StartAsync();
        await host.SignInAsRoleAsync(Roles.Staff);
        foreach (var m in (await host.Get<MeetingListService>().ListAsync(new ListQuery("Aiyara", 0, 10, null, false), new MeetingFilter())).Items)
            output.WriteLine($"staff aiyara: {m.Id} {m.TitleEn} {m.Date}");
        await host.SignInAsRoleAsync(Roles.Partner);
        foreach (var m in (await host.Get<MeetingListService>().ListAsync(new ListQuery(null, 0, 10, null, false), new MeetingFilter())).Items)
            output.WriteLine($"partner: {m.Id} {m.TitleEn} {m.Date}");
        Assert.Fail("see output");
    }
}
