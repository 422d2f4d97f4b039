using OtpNet;

namespace Lantern.TestSupport;

/// <summary>
/// What a person's authenticator app does, computed by the tests independently of Lantern (RFC 6238 through
/// Otp.NET). Lantern accepts each code once, so, like a person waiting for the next code, this hands out a
/// code of a time step not used before: the current one, else the next (Lantern allows one step of drift),
/// else it waits for the clock to move on.
/// </summary>
public sealed class AuthenticatorApp(string key)
{
    private const int StepSeconds = 30;
    private readonly Totp _totp = new(Base32Encoding.ToBytes(key));
    private readonly Lock _lock = new();
    private long _lastStep = -1;

    public string Key { get; } = key;

    public string NextCode()
    {
        lock (_lock)
        {
            while (true)
            {
                var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
                var step = Math.Max(now, _lastStep + 1);
                if (step <= now + 1)
                {
                    _lastStep = step;
                    return _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime);
                }

                Thread.Sleep(TimeSpan.FromSeconds(((now + 1) * StepSeconds) - DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
            }
        }
    }
}
