using Lantern.Web.Core.Regions;

namespace Lantern.Tests.Referrals;

public sealed class PostcodeListTests
{
    [Theory]
    [InlineData("1000-1299,4700-4799", "1000-1299,4700-4799")]
    [InlineData(" 4700 - 4799 ; 1000-1299 ", "1000-1299,4700-4799")]
    [InlineData("4750", "4750")]
    [InlineData("1000–1299", "1000-1299")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void ReadableRanges_AreStoredInOneCanonicalForm(string? typed, string stored)
    {
        Assert.True(PostcodeList.TryParse(typed, out var list, out var error));
        Assert.Null(error);
        Assert.Equal(stored, list.ToString());
    }

    [Theory]
    [InlineData("1299-1000", "1299-1000")]
    [InlineData("1000-1299,abc", "abc")]
    [InlineData("1000-", "1000-")]
    [InlineData("1000-2000-3000", "1000-2000-3000")]
    [InlineData("12", "12")]
    [InlineData("-5", "-5")]
    public void AnUnreadableRange_IsNamed_NotDropped(string typed, string named)
    {
        Assert.False(PostcodeList.TryParse(typed, out var list, out var error));
        Assert.Equal(named, error);
        Assert.Empty(list.Ranges);
    }

    [Fact]
    public void Contains_IncludesBothEnds()
    {
        var list = PostcodeList.ParseStored("1000-1299,4700-4799");

        Assert.True(list.Contains(1000));
        Assert.True(list.Contains(4799));
        Assert.False(list.Contains(1300));
        Assert.Empty(PostcodeList.ParseStored("nonsense").Ranges);
    }
}
