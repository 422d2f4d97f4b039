using System.Security.Cryptography;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Tests.Platform.Crypto;

public class KeyWrapTests
{
    private static readonly Guid _reportId = Guid.CreateVersion7();

    [Fact]
    public void Unwrap_OfWrap_GivesTheDataKeyBack()
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        var wrappingKey = RandomNumberGenerator.GetBytes(32);

        var wrapped = KeyWrap.Wrap(dataKey, wrappingKey, _reportId);

        Assert.Equal(KeyWrap.WrappedSize, wrapped.Length);
        Assert.Equal(dataKey, KeyWrap.Unwrap(wrapped, wrappingKey, _reportId));
    }

    [Fact]
    public void Unwrap_WithAnotherKey_Throws()
    {
        var wrapped = KeyWrap.Wrap(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), _reportId);

        Assert.ThrowsAny<CryptographicException>(() => KeyWrap.Unwrap(wrapped, RandomNumberGenerator.GetBytes(32), _reportId));
    }

    [Fact]
    public void Unwrap_UnderAnotherReportId_Throws()
    {
        var wrappingKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = KeyWrap.Wrap(RandomNumberGenerator.GetBytes(32), wrappingKey, _reportId);

        Assert.ThrowsAny<CryptographicException>(() => KeyWrap.Unwrap(wrapped, wrappingKey, Guid.CreateVersion7()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(20)]
    [InlineData(KeyWrap.WrappedSize - 1)]
    public void Unwrap_WithAFlippedByte_Throws(int position)
    {
        var wrappingKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = KeyWrap.Wrap(RandomNumberGenerator.GetBytes(32), wrappingKey, _reportId);

        wrapped[position] ^= 0x80;

        Assert.ThrowsAny<CryptographicException>(() => KeyWrap.Unwrap(wrapped, wrappingKey, _reportId));
    }
}
