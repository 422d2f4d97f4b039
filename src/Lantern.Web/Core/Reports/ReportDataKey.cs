using System.Security.Cryptography;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.Core.Reports;

/// <summary>Opens a report's data key with the staff private key it was sealed to. The caller zeroes the key after use.</summary>
public static class ReportDataKey
{
    /// <exception cref="CryptographicException">This process does not hold that staff private key, or the sealed key was altered.</exception>
    public static byte[] Open(KeyRing keys, Guid reportId, string staffKeyId, byte[] sealedDataKey)
    {
        var staffKey = keys.FindStaffKey(staffKeyId)
            ?? throw new CryptographicException($"The staff key {staffKeyId} that report data keys are sealed to is not loaded.");
        return KeySealer.Open(sealedDataKey, staffKey, reportId);
    }
}
