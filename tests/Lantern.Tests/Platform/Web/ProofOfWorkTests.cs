using Lantern.Web.Platform.Web.Floods;

namespace Lantern.Tests.Platform.Web;

/// <summary>
/// The solution rule of the proof of work against values computed outside .NET (Python's hashlib): SHA-256 of the
/// 40-character challenge followed by the counter's digits, counted in leading zero bits. pow.js and API clients follow
/// the same rule.
/// </summary>
public sealed class ProofOfWorkTests
{
    private static readonly string _challenge = new('A', 40);

    [Theory]
    [InlineData("592", 15, true)] // sha256("A"*40 + "592") = 00015867...: 15 zero bits
    [InlineData("592", 16, false)]
    [InlineData("4", 7, true)]
    [InlineData("4", 8, false)]
    [InlineData("0", 1, false)]
    [InlineData("0", 0, true)]
    public void ASolution_HasAtLeastTheDifficultysLeadingZeroBits(string counter, int difficulty, bool solves) =>
        Assert.Equal(solves, ProofOfWork.IsSolution(_challenge, counter, difficulty));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+592")]
    [InlineData(" 592")]
    [InlineData("59 2")]
    [InlineData("1234567890123456")] // 16 digits: longer than any counter needs, and past one SHA-256 block
    public void AnythingButUpTo15Digits_IsNoSolution(string? counter) => Assert.False(ProofOfWork.IsSolution(_challenge, counter, 0));

    [Theory]
    [InlineData(new byte[] { 0x80, 0 }, 0)]
    [InlineData(new byte[] { 0x01, 0 }, 7)]
    [InlineData(new byte[] { 0x00, 0x01 }, 15)]
    [InlineData(new byte[] { 0x00, 0x00 }, 16)]
    public void LeadingZeroBits_CountsAcrossBytes(byte[] hash, int expected) => Assert.Equal(expected, ProofOfWork.LeadingZeroBits(hash));
}
