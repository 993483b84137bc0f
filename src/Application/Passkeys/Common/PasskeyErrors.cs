using FullAuth.Application.Common.Results;

namespace FullAuth.Application.Passkeys.Common;

/// <summary>The passkey routes' own error code (API.md "Errors"); authentication failures are <c>invalid_credentials</c>.</summary>
public static class PasskeyErrors
{
    public const string FailedCode = "passkey_failed";

    /// <summary>Any registration failure; the cause is logged under <c>FullAuth.Passkey</c>, never returned.</summary>
    public static readonly Error Failed = new(FailedCode);
}
