using System.Security.Cryptography;
using Lantern.Web.Platform.Crypto;

namespace Lantern.Web.FollowUp.Sessions;

/// <summary>
/// Signs a reporter in with their receipt: the per-client attempt limit first, then always exactly one derivation
/// (through <see cref="ReceiptDeriver"/>'s bounded concurrency, with a random stand-in when the text is not even a
/// receipt), the lookup by verifier, and the unwrapping of the data key. A malformed receipt, an unknown one and
/// one that does not unwrap all answer <see cref="SignInOutcome.Refused"/> after the same work.
/// </summary>
public sealed class ReceiptSignIn(ReceiptDeriver deriver, LanternDbContext db, ReporterSessions sessions, SignInLimiter limiter)
{
    public async Task<SignInResult> ExecuteAsync(HttpContext context, string? receiptText, ReporterSessionKind kind, CancellationToken cancellationToken)
    {
        if (!limiter.TryAcquire(context))
        {
            return new(SignInOutcome.TooManyAttempts, null);
        }

        var wellFormed = Receipt.TryParse(receiptText, out var receipt);
        var keys = await deriver.DeriveAsync(wellFormed ? receipt : Receipt.Generate(), cancellationToken);
        try
        {
            var verifier = keys.Verifier;
            var report = await db.Reports.AsNoTracking()
                .Where(r => r.ReceiptVerifier == verifier)
                .Select(r => new { r.Id, r.ReceiptWrappedKey })
                .FirstOrDefaultAsync(cancellationToken);
            if (!wellFormed || report is null)
            {
                return new(SignInOutcome.Refused, null);
            }

            byte[] dataKey;
            try
            {
                dataKey = KeyWrap.Unwrap(report.ReceiptWrappedKey, keys.WrappingKey, report.Id);
            }
            catch (CryptographicException)
            {
                return new(SignInOutcome.Refused, null);
            }

            try
            {
                return new(SignInOutcome.SignedIn, await sessions.OpenAsync(kind, report.Id, dataKey, cancellationToken));
            }
            finally
            {
                CryptographicOperations.ZeroMemory(dataKey);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keys.WrappingKey);
        }
    }
}
