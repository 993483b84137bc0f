using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.Mfa.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Mfa.SetupTotp;

public sealed class SetupTotpCommandHandler(
    IUserRepository users,
    IUnitOfWork unitOfWork,
    IReauthentication reauthentication,
    ITotpAuthenticator totp,
    ISecretProtector protector,
    IQrCodeRenderer qrCodes,
    IOptions<MfaOptions> mfaOptions,
    IOptions<EmailOptions> emailOptions,
    TimeProvider time) : ICommandHandler<SetupTotpCommand, Result<TotpSetupResponse>>
{
    public async ValueTask<Result<TotpSetupResponse>> Handle(SetupTotpCommand command, CancellationToken cancellationToken)
    {
        var recent = await reauthentication.RecentUserAsync(users, command.Caller, cancellationToken);
        if (!recent.IsSuccess)
        {
            return recent.Error!;
        }

        var user = recent.Value;

        if (user.MfaEnabled)
        {
            return Error.Conflict;
        }

        var secret = totp.NewSecret();
        user.SetPendingTotpSecret(protector.Protect(secret), time.GetUtcNow());
        await unitOfWork.SaveChangesAsync(cancellationToken);

        var issuer = string.IsNullOrWhiteSpace(mfaOptions.Value.Issuer) ? emailOptions.Value.ProductName : mfaOptions.Value.Issuer;
        var uri = totp.OtpAuthUri(issuer, user.Email, secret);
        return new TotpSetupResponse(secret, uri, qrCodes.Svg(uri));
    }
}
