using Lantern.Web.Platform.Persistence;

namespace Lantern.Web.Platform.Mail;

/// <summary>
/// Puts a mail in the outbox. The caller saves it together with the change it announces, in one
/// <c>SaveChanges</c>: the change never waits for the mail server, and the mail is never lost.
/// </summary>
public static class MailOutbox
{
    public static OutboxMail Enqueue(LanternDbContext db, DateTime now, string to, string subject, string body)
    {
        var mail = new OutboxMail
        {
            Id = Guid.CreateVersion7(),
            To = to,
            Subject = subject,
            Body = body,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.MailOutbox.Add(mail);
        return mail;
    }
}
