using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ExercisePlanner.Core.Features.Mail;

/// <summary>Where mail goes: an SMTP server (MailKit), or .eml files in a pickup folder when no server is configured.</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);

    public static async Task<IMailTransport> OpenAsync(MailSettings settings, CancellationToken cancellationToken) =>
        settings.UsesPickupFolder ? new PickupFolder(settings.PickupFolder) : await SmtpTransport.ConnectAsync(settings, cancellationToken);
}

internal sealed class SmtpTransport : IMailTransport
{
    private readonly SmtpClient _client = new() { Timeout = 30_000 };

    public static async Task<SmtpTransport> ConnectAsync(MailSettings settings, CancellationToken cancellationToken)
    {
        var transport = new SmtpTransport();
        try
        {
            var security = settings.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            };
            await transport._client.ConnectAsync(settings.Host!, settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
                await transport._client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
            return transport;
        }
        catch
        {
            await transport.DisposeAsync();
            throw;
        }
    }

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => _client.SendAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try { await _client.DisconnectAsync(quit: true); }
            catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or SmtpCommandException) { /* the mail is already handed over */ }
        }
        _client.Dispose();
    }
}

/// <summary>Each message as <c>{Message-ID}.eml</c>: a resend overwrites the same file, so nothing appears twice.</summary>
internal sealed class PickupFolder(string folder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, message.MessageId + ".eml");
        var temporary = path + ".partial";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
