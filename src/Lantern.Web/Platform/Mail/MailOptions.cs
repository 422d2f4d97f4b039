namespace Lantern.Web.Platform.Mail;

/// <summary><c>Lantern:Mail</c>: the SMTP server that sends the outbox (referral notices). No host: mail stays queued.</summary>
public sealed class MailOptions
{
    public const string Section = "Lantern:Mail";

    /// <summary>The SMTP server. Empty: nothing is sent, mails wait in the outbox (a warning is logged once).</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Empty: no authentication.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "Lantern";

    /// <summary>How often the outbox is read when nobody wakes the sender.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first, second... failure; the last one repeats (the mail is never dropped).</summary>
    public IList<TimeSpan> RetrySchedule { get; set; } = [];

    /// <summary>How long one SMTP conversation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    internal static readonly TimeSpan[] DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1),
    ];

    /// <summary>The wait after <paramref name="attempts"/> failed attempts (1 = the first failure).</summary>
    public TimeSpan Backoff(int attempts)
    {
        var schedule = RetrySchedule.Count > 0 ? RetrySchedule : DefaultRetrySchedule;
        return schedule[Math.Clamp(attempts - 1, 0, schedule.Count - 1)];
    }
}
