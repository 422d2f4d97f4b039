using System.Text.RegularExpressions;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Tests.Platform.Crypto;

public partial class ReceiptTests
{
    [Fact]
    public void Generate_GivesTwentyDigits()
    {
        var receipt = Receipt.Generate();

        Assert.Equal(20, receipt.Digits.Length);
        Assert.All(receipt.Digits, c => Assert.True(char.IsAsciiDigit(c)));
    }

    [Fact]
    public void Generate_GivesADifferentReceiptEachTime()
    {
        var receipts = Enumerable.Range(0, 50).Select(_ => Receipt.Generate().Digits).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(50, receipts.Count);
    }

    [Fact]
    public void ToString_ShowsFiveGroupsOfFourDigits()
    {
        var receipt = Receipt.Generate();

        var shown = receipt.ToString();

        Assert.Matches(GroupsOfFour(), shown);
        Assert.Equal(receipt.Digits, shown.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1234 5678 9012 3456 7890")]
    [InlineData("12345678901234567890")]
    [InlineData("1234-5678-9012-3456-7890")]
    [InlineData("  1234 5678-9012  3456 7890 ")]
    [InlineData("1234\u00A05678\u00A09012\u00A03456\u00A07890")]
    public void TryParse_AcceptsDigitsWithSpacesOrDashes(string typed)
    {
        Assert.True(Receipt.TryParse(typed, out var receipt));
        Assert.Equal("12345678901234567890", receipt.Digits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1234 5678 9012 3456 789")] // 19 digits
    [InlineData("1234 5678 9012 3456 78901")] // 21 digits
    [InlineData("1234 5678 9012 3456 789O")] // a letter O for a zero
    [InlineData("abcd efgh ijkl mnop qrst")]
    [InlineData("1234.5678.9012.3456.7890")]
    [InlineData("1234 5678 9012 3456 7890\n")]
    [InlineData("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠")] // Arabic-Indic digits are not ASCII digits
    public void TryParse_RejectsAnythingElse(string? typed)
    {
        Assert.False(Receipt.TryParse(typed, out var receipt));
        Assert.Equal(default, receipt);
    }

    [Fact]
    public void TryParse_RejectsAnOverlongInput()
    {
        var typed = "1234" + new string(' ', 60) + "5678901234567890";

        Assert.False(Receipt.TryParse(typed, out _));
    }

    [Fact]
    public void TryParse_OfToString_GivesTheSameReceipt()
    {
        var receipt = Receipt.Generate();

        Assert.True(Receipt.TryParse(receipt.ToString(), out var parsed));
        Assert.Equal(receipt, parsed);
    }

    [GeneratedRegex("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$")]
    private static partial Regex GroupsOfFour();
}
