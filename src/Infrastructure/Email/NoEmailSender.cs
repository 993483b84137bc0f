using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Email;

/// <summary><c>Email:Transport = none</c>: the outbox is disabled and mail routes answer 503 <c>email_disabled</c>.</summary>
internal sealed class NoEmailSender : IEmailSender
{
    public static readonly NoEmailSender Instance = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Email:Transport is 'none'.");
}
