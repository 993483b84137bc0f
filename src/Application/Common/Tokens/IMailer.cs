using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Tokens;

/// <summary>
/// Composes and queues FullAuth's mails, applying the per-address hourly limit (beyond it nothing is
/// sent and the caller still answers as usual). Every method returns at once.
/// </summary>
public interface IMailer
{
    bool Enabled { get; }

    /// <summary>Queues the mail unless the address had its share this hour; returns whether it was queued.</summary>
    Task<bool> SendAsync(EmailTemplate template, string to, EmailModel model, CancellationToken cancellationToken);

    /// <summary>The user's name when their address is verified, else null (never echo unverified text).</summary>
    static string? NameFor(User user) => user.EmailVerified ? user.Name : null;
}
