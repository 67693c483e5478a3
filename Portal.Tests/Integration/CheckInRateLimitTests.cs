using System.Net;

namespace Portal.Tests.Integration;

/// <summary>
/// The anonymous check-in page on a server of its own with a low limit: every request to it counts against the client's
/// address, a fourth within the minute is refused with a Thai and English message, and the rest of the portal is not.
/// </summary>
public class CheckInRateLimitTests : IAsyncLifetime
{
    private PortalServer server = null!;

    public Task InitializeAsync()
    {
        server = new PortalServer(new Dictionary<string, string> { ["Portal:CheckIn:RequestsPerMinute"] = "3" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_fourth_check_in_request_within_a_minute_from_one_address_is_turned_away()
    {
        var client = server.NewClient();
        for (var i = 0; i < 3; i++)
        {
            // No account needed (not a redirect to the sign-in page); an unknown key says so and shows no meeting.
            var page = await client.GetAsync($"/check-in/guess{i}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"checkin-unknown\"", html);
            Assert.DoesNotContain("checkin-meeting-title", html);
        }
        var refused = await client.GetAsync("/check-in/guess4");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        var message = await refused.Content.ReadAsStringAsync();
        Assert.Contains("กรุณารอหนึ่งนาที", message);
        Assert.Contains("wait a minute", message);
        // A form sent to it counts the same.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/check-in/guess5", new FormUrlEncodedContent([new("Q", "Rawee")]))).StatusCode);
        // The rest of the portal is not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
