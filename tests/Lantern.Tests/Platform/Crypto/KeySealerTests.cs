using System.Security.Cryptography;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Tests.Platform.Crypto;

public class KeySealerTests
{
    private static readonly Guid _reportId = Guid.CreateVersion7();

    [Fact]
    public void Open_OfSeal_GivesTheDataKeyBack()
    {
        using var staff = StaffKeyPair.Generate();
        var dataKey = RandomNumberGenerator.GetBytes(32);

        var sealedKey = KeySealer.Seal(dataKey, staff, _reportId);

        Assert.Equal(KeySealer.SealedSize, sealedKey.Length);
        Assert.Equal(dataKey, KeySealer.Open(sealedKey, staff, _reportId));
    }

    [Fact]
    public void Seal_SameKeyTwice_GivesDifferentOutputs()
    {
        using var staff = StaffKeyPair.Generate();
        var dataKey = RandomNumberGenerator.GetBytes(32);

        Assert.NotEqual(KeySealer.Seal(dataKey, staff, _reportId), KeySealer.Seal(dataKey, staff, _reportId));
    }

    [Fact]
    public void Open_WithAnotherStaffKey_Throws()
    {
        using var staff = StaffKeyPair.Generate();
        using var other = StaffKeyPair.Generate();
        var sealedKey = KeySealer.Seal(RandomNumberGenerator.GetBytes(32), staff, _reportId);

        Assert.ThrowsAny<CryptographicException>(() => KeySealer.Open(sealedKey, other, _reportId));
    }

    [Fact]
    public void Open_WithOnlyThePublicKey_Throws()
    {
        using var staff = StaffKeyPair.Generate();
        using var publicOnly = StaffKeyPair.FromPublicPem(staff.ExportPublicPem());
        var sealedKey = KeySealer.Seal(RandomNumberGenerator.GetBytes(32), publicOnly, _reportId);

        Assert.Null(publicOnly.PrivateKey);
        Assert.Equal(staff.Id, publicOnly.Id);
        Assert.ThrowsAny<CryptographicException>(() => KeySealer.Open(sealedKey, publicOnly, _reportId));
        Assert.Throws<InvalidOperationException>(publicOnly.ExportPrivatePem);
    }

    [Fact]
    public void Open_WithThePrivateKeyReloadedFromPem_Works()
    {
        // An intake process seals to the public key; a staff process holding the private key file opens.
        using var staff = StaffKeyPair.Generate();
        using var intake = StaffKeyPair.FromPublicPem(staff.ExportPublicPem());
        using var reloaded = StaffKeyPair.FromPrivatePem(staff.ExportPrivatePem());
        var dataKey = RandomNumberGenerator.GetBytes(32);

        var sealedKey = KeySealer.Seal(dataKey, intake, _reportId);

        Assert.Equal(staff.Id, reloaded.Id);
        Assert.Equal(dataKey, KeySealer.Open(sealedKey, reloaded, _reportId));
    }

    [Fact]
    public void Open_UnderAnotherReportId_Throws()
    {
        using var staff = StaffKeyPair.Generate();
        var sealedKey = KeySealer.Seal(RandomNumberGenerator.GetBytes(32), staff, _reportId);

        Assert.ThrowsAny<CryptographicException>(() => KeySealer.Open(sealedKey, staff, Guid.CreateVersion7()));
    }

    [Theory]
    [InlineData(0)] // format version
    [InlineData(30)] // ephemeral point
    [InlineData(70)] // nonce
    [InlineData(90)] // sealed key
    [InlineData(KeySealer.SealedSize - 1)] // tag
    public void Open_WithAFlippedByte_Throws(int position)
    {
        using var staff = StaffKeyPair.Generate();
        var sealedKey = KeySealer.Seal(RandomNumberGenerator.GetBytes(32), staff, _reportId);

        sealedKey[position] ^= 0x01;

        // A flipped point coordinate may also be rejected as "not on the curve" before decryption: either way it never opens.
        Assert.ThrowsAny<CryptographicException>(() => KeySealer.Open(sealedKey, staff, _reportId));
    }

    [Fact]
    public void Open_Truncated_Throws()
    {
        using var staff = StaffKeyPair.Generate();
        var sealedKey = KeySealer.Seal(RandomNumberGenerator.GetBytes(32), staff, _reportId);

        Assert.ThrowsAny<CryptographicException>(() => KeySealer.Open(sealedKey.AsSpan(0, sealedKey.Length - 1), staff, _reportId));
    }
}
