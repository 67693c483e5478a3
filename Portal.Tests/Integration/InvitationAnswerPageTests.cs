using System.Net;

namespace Portal.Tests.Integration;

/// <summary>The answer page without an account: a bad link gets its own page (never a 500), and one address is held back after a few requests.</summary>
public class InvitationAnswerPageTests
{
    [Fact]
    public async Task Bad_links_get_a_clear_page_and_too_many_requests_from_one_address_are_refused()
    {
        await using var server = new PortalServer(new Dictionary<string, string> { ["Portal:Invitations:AnswerRequestsPerMinute"] = "4" });
        using var client = server.NewClient();
        Assert.True((int)(await client.GetAsync("/rsvp/%00%01")).StatusCode < 500);
        foreach (var token in new[] { "garbage", "CfDJ8" + new string('A', 200) })
        {
            var response = await client.GetAsync("/rsvp/" + token);
            Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
            Assert.Contains("ลิงก์นี้ใช้ไม่ได้", await response.Content.ReadAsStringAsync());
        }
        HttpResponseMessage refused;
        var answered = 2;
        while ((refused = await client.GetAsync("/rsvp/again")).StatusCode == HttpStatusCode.Gone && answered < 10)
            answered++;
        Assert.InRange(answered, 3, 4); // four a minute, the malformed request perhaps among them
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
        // Only the answer page is limited: the rest of the portal still answers this address.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
