using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Passkeys.Common;
using Mediator;

namespace FullAuth.Application.Passkeys.RenamePasskey;

public sealed class RenamePasskeyCommandHandler(IPasskeyRepository passkeys, IUnitOfWork unitOfWork) : ICommandHandler<RenamePasskeyCommand, Result<PasskeyResponse>>
{
    public async ValueTask<Result<PasskeyResponse>> Handle(RenamePasskeyCommand command, CancellationToken cancellationToken)
    {
        var passkey = await passkeys.FindForUserAsync(command.Caller.UserId, command.Id, cancellationToken);
        if (passkey is null)
        {
            return Error.NotFound;
        }

        passkey.Rename(command.Name!.Trim());
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return PasskeyResponse.From(passkey);
    }
}
