using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FullAuth.Api.FunctionalTests.Ops;

/// <summary>
/// Runs the flows that handle secrets (register, login, refresh and its replay, logout, change password,
/// verification and password reset through the mail transport, bad tokens, lockout) with every log
/// category at Trace, and asserts that no log line holds a password, refresh token, access token,
/// one-time token, the SecretKey or the SMTP password.
/// </summary>
public sealed partial class NoSecretsInLogsTests
{
    private const string SmtpPassword = "smtp-password-never-logged-42";

    [Fact]
    public async Task SecretHandlingFlows_AtTraceLevel_LogNoSecret()
    {
        var logs = new LogCapture();
        var mails = new MailCapture();
        using var factory = FullAuthFactory.With(
            ("Logging:LogLevel:Default", "Trace"),
            ("FullAuth:PreventEnumeration", "false"),
            ("FullAuth:Email:Transport", "smtp"),
            ("FullAuth:Email:Smtp:Host", "127.0.0.1"),
            ("FullAuth:Email:Smtp:Username", "mailer"),
            ("FullAuth:Email:Smtp:Password", SmtpPassword));
        using var app = factory.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .ConfigureServices(s => s.AddSingleton<IEmailSender>(mails)));
        var client = app.CreateClient();
        var secrets = new List<string> { FullAuthFactory.TestSecret, SmtpPassword };
        var email = ApiClient.NewEmail("secrets");
        const string password = "first secret passphrase 123";
        const string newPassword = "second secret passphrase 456";
        const string resetPassword = "third secret passphrase 789";
        const string wrongPassword = "wrong secret passphrase 000";
        secrets.AddRange([password, newPassword, resetPassword, wrongPassword]);

        // Register (signs in: enumeration prevention is off) and verify the email with the mailed token.
        var register = await client.PostJsonAsync($"{ApiClient.Base}/register", new { email, password });
        register.StatusCode.Should().Be(HttpStatusCode.Created);
        var registered = await register.JsonAsync();
        secrets.Add(registered["access_token"]!.GetValue<string>());
        secrets.Add(registered["refresh_token"]!.GetValue<string>());
        var verifyToken = await mails.TokenAsync(email, "/verify-email");
        secrets.Add(verifyToken);
        (await client.PostJsonAsync($"{ApiClient.Base}/verify-email/confirm", new { token = verifyToken })).StatusCode.Should().Be(HttpStatusCode.OK);

        // Login, refresh, replay the used refresh token (reuse detection), logout.
        var login = await (await client.LoginAsync(email, password)).JsonAsync();
        var access = login["access_token"]!.GetValue<string>();
        var refresh = login["refresh_token"]!.GetValue<string>();
        secrets.AddRange([access, refresh]);
        var refreshed = await client.RefreshAsync(refresh);
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var rotated = await refreshed.JsonAsync();
        secrets.AddRange([rotated["access_token"]!.GetValue<string>(), rotated["refresh_token"]!.GetValue<string>()]);
        (await client.RefreshAsync(refresh)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a replayed refresh token is refused");

        var second = await (await client.LoginAsync(email, password)).JsonAsync();
        var secondAccess = second["access_token"]!.GetValue<string>();
        secrets.AddRange([secondAccess, second["refresh_token"]!.GetValue<string>()]);
        (await client.PostJsonAsync($"{ApiClient.Base}/change-password", new { current_password = password, new_password = newPassword }, secondAccess))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.PostJsonAsync($"{ApiClient.Base}/logout", new { refresh_token = second["refresh_token"]!.GetValue<string>() }, secondAccess))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);

        // Password reset through the mail transport.
        (await client.PostJsonAsync($"{ApiClient.Base}/password-reset/request", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        var resetToken = await mails.TokenAsync(email, "/reset-password");
        secrets.Add(resetToken);
        (await client.PostJsonAsync($"{ApiClient.Base}/password-reset/confirm", new { token = resetToken, new_password = resetPassword }))
            .StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await client.PostJsonAsync($"{ApiClient.Base}/password-reset/confirm", new { token = resetToken, new_password = resetPassword }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest, "a used one-time token is refused");

        // Bad tokens and wrong passwords up to a lockout.
        var forged = access[..^4] + "AAAA";
        (await client.MeAsync(forged)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.MeAsync("not-a-jwt-" + Guid.NewGuid().ToString("N"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await client.RefreshAsync("unknown-refresh-" + Guid.NewGuid().ToString("N"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 6; i++)
        {
            await client.LoginAsync(email, wrongPassword, peer: "203.0.113.7");
        }

        var final = await client.LoginAsync(email, resetPassword);
        final.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the account is locked out");

        var lines = logs.Lines;
        lines.Should().Contain(l => l.Category == "FullAuth.Login" && l.EventId.Id > 0, "the flows were logged");
        lines.Should().Contain(l => l.Category == "FullAuth.Lockout");
        lines.Should().Contain(l => l.Category == "FullAuth.Tokens" && l.Text.Contains("reuse", StringComparison.OrdinalIgnoreCase));
        lines.Should().Contain(l => l.Category == "FullAuth.Email");
        lines.Count.Should().BeGreaterThan(100, "Trace level captures the framework too");
        foreach (var secret in secrets.Where(s => s.Length >= 8).Distinct())
        {
            lines.Where(l => l.Text.Contains(secret, StringComparison.Ordinal))
                .Select(l => $"{l.Category}[{l.EventId.Id}]: {l.Text}")
                .Should().BeEmpty("no log line may contain a secret ({0}…)", secret[..4]);
        }

        lines.Where(l => Jwt().IsMatch(l.Text)).Select(l => l.Text).Should().BeEmpty("no log line may contain a JWT");
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"token=([A-Za-z0-9_\-]+)")]
    private static partial Regex TokenParameter();

    private sealed class MailCapture : IEmailSender
    {
        private readonly ConcurrentQueue<EmailMessage> _messages = new();

        public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            _messages.Enqueue(message);
            return Task.CompletedTask;
        }

        public async Task<string> TokenAsync(string to, string path)
        {
            for (var i = 0; i < 200; i++)
            {
                var match = _messages.Reverse()
                    .Where(m => string.Equals(m.To, to, StringComparison.OrdinalIgnoreCase) && m.Text.Contains(path + "?token=", StringComparison.Ordinal))
                    .Select(m => TokenParameter().Match(m.Text[m.Text.IndexOf(path + "?token=", StringComparison.Ordinal)..]))
                    .FirstOrDefault(m => m.Success);
                if (match is not null)
                {
                    return match.Groups[1].Value;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException($"No mail to {to} with a {path} link.");
        }
    }
}
