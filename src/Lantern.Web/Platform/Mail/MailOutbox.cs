namespace Lantern.Web.Platform.Mail;

/// <summary>
/// Puts a mail in the outbox. The caller saves it together with the change it announces, in one
/// <c>SaveChanges</c>: the change never waits for the mail server, and the mail is never lost. Any context whose model
/// holds <see cref="OutboxMail"/> will do (the application's is the core's, which Platform does not name).
/// </summary>
public static class MailOutbox
{
    public static OutboxMail Enqueue(DbContext db, DateTime now, string to, string subject, string body)
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
        db.Set<OutboxMail>().Add(mail);
        return mail;
    }
}
