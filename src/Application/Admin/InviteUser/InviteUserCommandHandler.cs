using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Tokens;
using FullAuth.Domain.Common;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Mediator;

namespace FullAuth.Application.Admin.InviteUser;

/// <summary>
/// Creates an account without a password and mails an invitation link (<c>FrontendUrl/set-password?token=</c>,
/// 7 days) redeemed with <c>POST /password-reset/confirm</c>, which also verifies the address.
/// Roles are limited to those whose every permission the caller holds.
/// </summary>
public sealed class InviteUserCommandHandler(
    IUserRepository users,
    IRoleRepository roles,
    IUnitOfWork unitOfWork,
    IPermissionService permissions,
    IOneTimeTokens tokens,
    IMailer mailer,
    IEmailComposer composer,
    IAuditTrail audit,
    TimeProvider time) : ICommandHandler<InviteUserCommand, Result<UserResponse>>
{
    public async ValueTask<Result<UserResponse>> Handle(InviteUserCommand command, CancellationToken cancellationToken)
    {
        if (!mailer.Enabled)
        {
            return Error.EmailDisabled;
        }

        var roleNames = (command.Roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        var found = await roles.ListAsync(roleNames, cancellationToken);
        if (found.Count != roleNames.Count)
        {
            return Error.Validation("roles", "Every role must exist.");
        }

        var caller = await permissions.GetAccessAsync(command.Caller.UserId, cancellationToken);
        if (caller is null || !caller.HoldsAll(found.SelectMany(r => r.Permissions)))
        {
            return Error.Forbidden;
        }

        var email = EmailAddress.Normalize(command.Email!);
        if (await users.FindByEmailAsync(email, cancellationToken) is not null)
        {
            return Error.Conflict;
        }

        var now = time.GetUtcNow();
        var user = new User(Ids.New(), email, command.Name, now);
        foreach (var role in found)
        {
            user.AddRole(role.Name, now);
        }

        users.Add(user);
        audit.Record(command.Caller, "user.invited", user.Id, command.Client.IpAddress, roleNames.Count == 0 ? null : $"roles: {string.Join(' ', roleNames)}");
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            return Error.Conflict;
        }

        var token = await tokens.IssueAsync(user, TokenPurposes.Invitation, user.Email, sessionId: null, cancellationToken);
        await mailer.SendAsync(EmailTemplate.Invitation, user.Email, new EmailModel(Link: composer.Link("/set-password", token)), cancellationToken);
        await audit.PublishAsync(cancellationToken);
        return UserResponse.From(user);
    }
}
