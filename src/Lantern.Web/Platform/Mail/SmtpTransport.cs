using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Lantern.Web.Platform.Mail;

/// <summary>Sends one outbox mail through the configured SMTP server with MailKit (one connection per batch).</summary>
public sealed class SmtpTransport(IOptionsMonitor<MailOptions> options)
{
    public MailOptions Options => options.CurrentValue;

    public async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        var client = new SmtpClient { Timeout = (int)current.Timeout.TotalMilliseconds };
        try
        {
            var security = current.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(current.Host, current.Port, security, cancellationToken);
            if (current.Username.Length > 0)
            {
                await client.AuthenticateAsync(current.Username, current.Password, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task SendAsync(SmtpClient client, OutboxMail mail, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(current.FromName, current.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };
        await client.SendAsync(message, cancellationToken);
    }
}
