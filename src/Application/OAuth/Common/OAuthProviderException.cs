namespace FullAuth.Application.OAuth.Common;

/// <summary>
/// The flow with the provider failed (error answer, bad ID token, timeout, ...). The message is the
/// real cause for the <c>FullAuth.OAuth</c> log; the client only ever sees 400 <c>oauth_failed</c>.
/// Messages never contain codes, tokens or secrets.
/// </summary>
public sealed class OAuthProviderException : Exception
{
    public OAuthProviderException()
    {
    }

    public OAuthProviderException(string message)
        : base(message)
    {
    }

    public OAuthProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
