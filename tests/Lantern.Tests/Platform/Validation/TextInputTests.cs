using Lantern.Web.Platform.Validation;

namespace Lantern.Tests.Platform.Validation;

public class TextInputTests
{
    [Fact]
    public void Null_StaysNull()
    {
        Assert.True(TextInput.TryNormalise(null, multiline: false, out var normalised));
        Assert.Null(normalised);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n")]
    public void Blank_BecomesNull(string input)
    {
        Assert.True(TextInput.TryNormalise(input, multiline: true, out var normalised));
        Assert.Null(normalised);
    }

    [Fact]
    public void DecomposedAccents_AreComposed()
    {
        Assert.True(TextInput.TryNormalise("Lie\u0300ge", multiline: false, out var normalised));
        Assert.Equal("Li\u00E8ge", normalised);
    }

    [Fact]
    public void LineEndings_BecomeNewlines_InMultilineText()
    {
        Assert.True(TextInput.TryNormalise(" one\r\ntwo\rthree ", multiline: true, out var normalised));
        Assert.Equal("one\ntwo\nthree", normalised);
    }

    [Theory]
    [InlineData("one\ntwo")]
    [InlineData("one\ttwo")]
    [InlineData("one\rtwo")]
    public void LineBreaksAndTabs_AreRefused_InOneLineText(string input)
    {
        Assert.False(TextInput.TryNormalise(input, multiline: false, out _));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0008")]
    [InlineData("\u001B")]
    [InlineData("\u007F")]
    [InlineData("\u009B")]
    [InlineData("\u202E")]
    [InlineData("\u202D")]
    [InlineData("\u202A")]
    [InlineData("\u202B")]
    [InlineData("\u202C")]
    [InlineData("\u2066")]
    [InlineData("\u2067")]
    [InlineData("\u2068")]
    [InlineData("\u2069")]
    public void ControlCharacters_AreRefused_EvenInMultilineText(string control)
    {
        Assert.False(TextInput.TryNormalise("before" + control + "after", multiline: true, out _));
    }

    [Theory]
    [InlineData("\u200F")] // right-to-left mark, typed by Arabic and Persian keyboards
    [InlineData("\u200E")] // left-to-right mark
    public void DirectionMarks_AreAccepted(string mark)
    {
        Assert.True(TextInput.TryNormalise("مرحبا" + mark + " 123", multiline: false, out var normalised));
        Assert.Contains(mark, normalised, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0xD800)] // a high surrogate alone
    [InlineData(0xDC00)] // a low surrogate alone
    [InlineData(0xDC00, 0xD800)] // a pair in the wrong order
    public void UnpairedSurrogates_AreRefused(params int[] codeUnits)
    {
        // Built at run time: an attribute cannot hold a lone surrogate (the compiler stores U+FFFD instead).
        var invalid = new string(codeUnits.Select(u => (char)u).ToArray());

        Assert.False(TextInput.TryNormalise("before" + invalid + "after", multiline: true, out _));
    }

    [Fact]
    public void CharactersOutsideTheBasicPlane_AreAccepted()
    {
        Assert.True(TextInput.TryNormalise("He said \U0001F600 and left", multiline: false, out var normalised));
        Assert.Equal("He said \U0001F600 and left", normalised);
    }

    [Fact]
    public void OtherScripts_AreAccepted()
    {
        Assert.True(TextInput.TryNormalise("Он сказал: «паспорт» — جواز السفر", multiline: false, out var normalised));
        Assert.Equal("Он сказал: «паспорт» — جواز السفر", normalised);
    }
}
