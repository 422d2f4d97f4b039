using System.Buffers.Text;
using System.Text;
using Lantern.Web.Core.Reports;
using Lantern.Web.Triage.Inbox;

namespace Lantern.Tests.Triage.Inbox;

public class InboxCursorTests
{
    [Fact]
    public void ACursor_SurvivesTheRoundTrip()
    {
        var cursor = new InboxCursor(3, new DateTime(2026, 11, 28, 14, 3, 7, DateTimeKind.Utc).AddTicks(1234567), Guid.CreateVersion7());

        Assert.True(InboxCursor.TryParse(cursor.Encode(), out var parsed));
        Assert.Equal(cursor, parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.ReceivedAt.Kind);
    }

    [Fact]
    public void ACursor_IsOpaqueAndFitsInAnAddress()
    {
        var text = new InboxCursor(UrgencyScorer.HighestLevel, DateTime.MaxValue, Guid.NewGuid()).Encode();

        Assert.True(text.Length <= InboxCursor.MaxLength);
        Assert.Matches("^[A-Za-z0-9_-]+$", text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a cursor")]
    [InlineData("%%%")]
    [InlineData("AAAA====")]
    [InlineData("A")]
    public void Garbage_IsRefused(string? text)
    {
        Assert.False(InboxCursor.TryParse(text, out _));
    }

    [Theory]
    [InlineData("6|0|0123456789abcdef0123456789abcdef")] // above the highest level
    [InlineData("-1|0|0123456789abcdef0123456789abcdef")] // negative level
    [InlineData("3|-5|0123456789abcdef0123456789abcdef")] // negative time
    [InlineData("3|3155378976000000000|0123456789abcdef0123456789abcdef")] // after DateTime.MaxValue
    [InlineData("3|99999999999999999999999|0123456789abcdef0123456789abcdef")] // overflows a long
    [InlineData("3|0|not-a-guid")]
    [InlineData("3|0|0123456789abcdef0123456789abcdef|extra")]
    [InlineData("3|0")]
    [InlineData(" 3|0|0123456789abcdef0123456789abcdef")]
    [InlineData("3|0x10|0123456789abcdef0123456789abcdef")]
    public void ATamperedCursor_IsRefused(string inside)
    {
        Assert.False(InboxCursor.TryParse(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(inside)), out _));
    }

    [Fact]
    public void ALongCursor_IsRefusedUnread()
    {
        var valid = new InboxCursor(1, DateTime.UnixEpoch, Guid.NewGuid()).Encode();

        Assert.False(InboxCursor.TryParse(valid + new string('A', InboxCursor.MaxLength), out _));
    }

    [Fact]
    public void ATamperedCursor_IsAnErrorOfTheRequest_NotAnException()
    {
        var (request, errors) = InboxRequest.Parse(new InboxParameters { Cursor = "Zm9v" }, Choices());

        Assert.Null(request);
        Assert.Equal("cursor", Assert.Single(errors).Field);
    }

    [Fact]
    public void AValidCursor_StartsTheRequestAfterIt()
    {
        var cursor = new InboxCursor(2, DateTime.UnixEpoch, Guid.NewGuid());

        var (request, errors) = InboxRequest.Parse(new InboxParameters { Cursor = cursor.Encode(), Limit = "20" }, Choices());

        Assert.Empty(errors);
        Assert.Equal(cursor, request!.After);
        Assert.Equal(20, request.Limit);
    }

    private static InboxChoiceLists Choices() => new(InboxStatuses.Choices, ["labour"], ["BE-BRU"], ["en"], InboxChoices.Channels);
}
