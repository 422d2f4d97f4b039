using System.Security.Cryptography;
using Lantern.Tests.Support;
using Lantern.Web.Platform;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Tests.Platform.Crypto;

public class KeyRingTests
{
    [Fact]
    public void FirstStart_CreatesKeyFilesReadableOnlyByTheOwner()
    {
        using var folder = new TempDirectory();
        using var keys = Keys.CreateKeyRing(folder.Path);

        var keysFolder = Path.Combine(folder.Path, "keys");
        var files = Directory.EnumerateFiles(keysFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(Path.Combine(keysFolder, "index.key"), files);
        Assert.Contains(Path.Combine(keysFolder, "receipt-pepper.key"), files);
        Assert.Contains(Path.Combine(keysFolder, "staff", keys.CurrentStaffKey.Id + ".key"), files);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Fact]
    public void NextStart_LoadsTheSameKeys()
    {
        using var folder = new TempDirectory();
        using var first = Keys.CreateKeyRing(folder.Path);
        var sealedKey = KeySealer.Seal(RandomNumberGenerator.GetBytes(32), first.CurrentStaffKey, Guid.Empty);

        using var second = Keys.CreateKeyRing(folder.Path);

        Assert.Equal(first.IndexKey, second.IndexKey);
        Assert.Equal(first.ReceiptPepper, second.ReceiptPepper);
        Assert.Equal(first.CurrentStaffKey.Id, second.CurrentStaffKey.Id);
        Assert.Equal(32, KeySealer.Open(sealedKey, second.CurrentStaffKey, Guid.Empty).Length);
    }

    [Fact]
    public void IntakeRole_HoldsNoStaffPrivateKey()
    {
        using var folder = new TempDirectory();
        using (Keys.CreateKeyRing(folder.Path))
        {
            // The all-in-one first start created the key pair.
        }

        using var intake = Keys.CreateKeyRing(folder.Path, role: LanternRole.Intake);
        var sealedKey = KeySealer.Seal(RandomNumberGenerator.GetBytes(32), intake.CurrentStaffKey, Guid.Empty);

        Assert.Null(intake.CurrentStaffKey.PrivateKey);
        Assert.ThrowsAny<CryptographicException>(() => KeySealer.Open(sealedKey, intake.CurrentStaffKey, Guid.Empty));
    }

    [Fact]
    public void KeysFromConfiguration_AreUsedInsteadOfFiles()
    {
        using var folder = new TempDirectory();
        using var staff = StaffKeyPair.Generate();
        var index = RandomNumberGenerator.GetBytes(32);
        var pepper = RandomNumberGenerator.GetBytes(32);
        var audit = RandomNumberGenerator.GetBytes(32);

        using var keys = Keys.CreateKeyRing(folder.Path, new KeyOptions
        {
            IndexKey = Convert.ToBase64String(index),
            ReceiptPepper = Convert.ToBase64String(pepper),
            StaffPrivateKey = staff.ExportPrivatePem(),
            AuditKey = Convert.ToBase64String(audit),
        });

        Assert.Equal(index, keys.IndexKey);
        Assert.Equal(pepper, keys.ReceiptPepper);
        Assert.Equal(audit, keys.AuditKey);
        Assert.Equal(staff.Id, keys.CurrentStaffKey.Id);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(folder.Path, "keys"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void ConfiguredKeyOfTheWrongSize_IsRefused()
    {
        using var folder = new TempDirectory();

        Assert.Throws<InvalidOperationException>(() => Keys.CreateKeyRing(folder.Path, new KeyOptions { IndexKey = Convert.ToBase64String(new byte[16]) }));
    }
}
