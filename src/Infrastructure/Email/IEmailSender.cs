using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Email;

/// <summary>One delivery attempt; throws on failure (the dispatcher retries).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
