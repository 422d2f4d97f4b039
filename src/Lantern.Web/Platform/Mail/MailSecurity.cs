namespace Lantern.Web.Platform.Mail;

/// <summary>How the outbox reaches the SMTP server.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP (a relay on the same host or in a closed network only).</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (usually port 587); refused if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,
}
