using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Notifications;

/// <summary>
/// <c>Admin:BootstrapEmail</c> gets <c>admin</c> once, when that account's address is verified. The
/// grant is audited (<c>admin.bootstrap</c>), and because it happens only once a later removal sticks.
/// </summary>
public sealed class BootstrapAdmin(
    IUserRepository users,
    IAuditRepository auditRepository,
    IAuditTrail audit,
    IUnitOfWork unitOfWork,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory) : INotificationHandler<EmailVerified>
{
    public const string Action = "admin.bootstrap";

    public async ValueTask Handle(EmailVerified notification, CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.BootstrapEmail;
        if (string.IsNullOrWhiteSpace(bootstrap) || EmailAddress.Normalize(bootstrap) != notification.Email)
        {
            return;
        }

        var user = await users.FindByIdAsync(notification.UserId, cancellationToken);
        if (user is null || user.HasRole(Role.Admin) || await auditRepository.ExistsAsync(Action, user.Id, cancellationToken))
        {
            return;
        }

        user.AddRole(Role.Admin, time.GetUtcNow());
        audit.Record(null, Action, user.Id, null, "Admin:BootstrapEmail");
        await unitOfWork.SaveChangesAsync(cancellationToken);
        await audit.PublishAsync(cancellationToken);
        loggerFactory.CreateLogger("FullAuth.Admin").LogWarning("User {UserId} became admin through Admin:BootstrapEmail", user.Id);
    }
}
