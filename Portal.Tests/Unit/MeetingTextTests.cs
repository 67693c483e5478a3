using Portal.Features.Meetings;

namespace Portal.Tests.Unit;

public class MeetingTextTests
{
    [Theory]
    [InlineData("ประชุมติดตามความร่วมมือ", true, "ติดตามความร่วมมือ")]
    [InlineData("การประชุมคณะทำงาน", true, "คณะทำงาน")]
    [InlineData("ประชุมเชิงปฏิบัติการ", true, "เชิงปฏิบัติการ")]
    [InlineData("สัมมนาเมืองอัจฉริยะ", true, "สัมมนาเมืองอัจฉริยะ")]
    [InlineData("ประชุม", true, "ประชุม")]   // nothing would be left
    [InlineData("Meeting of the working group", false, "Meeting of the working group")]
    public void A_title_after_a_phrase_that_says_ประชุม_does_not_say_it_twice(string title, bool thai, string expected) =>
        Assert.Equal(expected, MeetingText.AfterMeetingWord(title, thai));
}
