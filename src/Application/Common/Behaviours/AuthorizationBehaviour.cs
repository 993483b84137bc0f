using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.Logging;

namespace FullAuth.Application.Common.Behaviours;

/// <summary>Checks <see cref="IRequirePermission"/> against current state; runs before validation so unauthorized callers learn nothing.</summary>
public sealed class PermissionAuthorizationBehaviour<TMessage, TResponse>(IPermissionService permissions, ILoggerFactory loggerFactory)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IRequirePermission, IMessage
    where TResponse : IResultFactory<TResponse>
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.Authorization");

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var access = await permissions.GetAccessAsync(message.Caller.UserId, cancellationToken);
        if (access is not { IsActive: true })
        {
            return TResponse.Failure(Error.Unauthenticated);
        }

        if (!access.HasPermission(message.RequiredPermission))
        {
            _logger.LogWarning("User {UserId} lacks {Permission} for {UseCase}", access.UserId, message.RequiredPermission, typeof(TMessage).Name);
            return TResponse.Failure(Error.Forbidden);
        }

        return await next(message, cancellationToken);
    }
}

/// <summary>Checks <see cref="IRequireRole"/> against current state.</summary>
public sealed class RoleAuthorizationBehaviour<TMessage, TResponse>(IPermissionService permissions)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IRequireRole, IMessage
    where TResponse : IResultFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var access = await permissions.GetAccessAsync(message.Caller.UserId, cancellationToken);
        if (access is not { IsActive: true })
        {
            return TResponse.Failure(Error.Unauthenticated);
        }

        return access.HasRole(message.RequiredRole) ? await next(message, cancellationToken) : TResponse.Failure(Error.Forbidden);
    }
}
