using System.Security.Cryptography;
using Lantern.Tests.Support;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Tests.Platform.Crypto;

public sealed class BlindIndexTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly KeyRing _keys;
    private readonly BlindIndex _index;

    public BlindIndexTests()
    {
        _keys = Keys.CreateKeyRing(_folder.Path);
        _index = new BlindIndex(_keys);
    }

    [Fact]
    public void Compute_EqualValues_GiveEqualIndexes()
    {
        Assert.Equal(_index.Compute("phone", "+32470123456"), _index.Compute("phone", "+32470123456"));
    }

    [Fact]
    public void Compute_GivesSixteenBytes()
    {
        Assert.Equal(16, _index.Compute("email", "someone@example.com").Length);
        Assert.Equal(BlindIndex.Size, _index.Compute("plate", "1ABC123").Length);
    }

    [Fact]
    public void Compute_DifferentValues_GiveDifferentIndexes()
    {
        Assert.NotEqual(_index.Compute("phone", "+32470123456"), _index.Compute("phone", "+32470123457"));
    }

    [Fact]
    public void Compute_SameValueOfAnotherKind_GivesAnotherIndex()
    {
        Assert.NotEqual(_index.Compute("plate", "ABC123"), _index.Compute("company", "ABC123"));
    }

    [Fact]
    public void Compute_UnderAnotherIndexKey_GivesAnotherIndex()
    {
        // Without the index key, a copy of the database cannot be searched for a known phone number.
        using var otherFolder = new TempDirectory();
        using var otherKeys = Keys.CreateKeyRing(otherFolder.Path, new KeyOptions { IndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });

        Assert.NotEqual(_index.Compute("phone", "+32470123456"), new BlindIndex(otherKeys).Compute("phone", "+32470123456"));
    }

    [Fact]
    public void Compute_IsTheTruncatedHmacOfTheValue_UnderTheKindsOwnKey()
    {
        // One key per kind, derived from the index key (HKDF-SHA256), so the indexes of two kinds are unrelated.
        var kindKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys.IndexKey, 32, info: "lantern blind index v2:phone"u8.ToArray());
        var expected = HMACSHA256.HashData(kindKey, "+32470123456"u8)[..16];

        Assert.Equal(expected, _index.Compute("phone", "+32470123456"));
    }

    public void Dispose()
    {
        _keys.Dispose();
        _folder.Dispose();
    }
}
