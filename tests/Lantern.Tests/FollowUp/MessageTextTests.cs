using Lantern.Web.FollowUp.Thread;

namespace Lantern.Tests.FollowUp;

public class MessageTextTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void AnEmptyMessage_IsRefused(string? input) => Assert.Equal(MessageProblem.Empty, MessageText.Check(input, 100, out _));

    [Fact]
    public void ATooLongMessage_IsRefused_AndOneFarTooLongWithoutNormalising()
    {
        Assert.Equal(MessageProblem.TooLong, MessageText.Check(new string('a', 101), 100, out _));
        Assert.Equal(MessageProblem.TooLong, MessageText.Check(new string('\u0001', 1_000_000), 100, out _));
    }

    [Theory]
    [InlineData("bell \u0007")]
    [InlineData("trojan \u202Esource")]
    public void ControlCharacters_AreRefused(string input) => Assert.Equal(MessageProblem.Characters, MessageText.Check(input, 100, out _));

    [Fact]
    public void AMessage_IsNormalisedToNfc_Trimmed_WithLineBreaksKept()
    {
        Assert.Equal(MessageProblem.None, MessageText.Check("  Cafe\u0301\r\nsecond line  ", 100, out var text));
        Assert.Equal("Café\nsecond line", text);
    }
}
