namespace Lantern.Web.Platform.Mail;

/// <summary>
/// A mail waiting to go out. It is written in the same transaction as the change it announces (a referral),
/// so a mail server that is down never blocks or loses that change; a background sender retries until sent.
/// Mails never carry report content: only that something waits and where.
/// </summary>
public sealed class OutboxMail
{
    public Guid Id { get; set; }

    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string Body { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the sender tries next (set further away after each failure).</summary>
    public DateTime NextAttemptAt { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>The last failure, as the mail library described it (no content of the mail).</summary>
    public string? LastError { get; set; }
}
