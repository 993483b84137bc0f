using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Email;
using MailKit.Net.Smtp;

namespace FullAuth.Infrastructure.Diagnostics;

/// <summary>For the <c>check</c> command: connects to the configured SMTP server, logs in when a username is set, and quits without sending.</summary>
public static class SmtpProbe
{
    /// <summary>Null when the server accepted the connection (and the login), else what went wrong (no secrets).</summary>
    public static async Task<string?> ProbeAsync(SmtpOptions smtp, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SmtpEmailSender.SecurityOf(smtp.Security), cts.Token);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cts.Token);
            }

            await client.DisconnectAsync(quit: true, cts.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
        catch (MailKit.Security.AuthenticationException)
        {
            return "the server refused the username/password";
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or System.Security.Authentication.AuthenticationException or NotSupportedException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
