namespace FullAuth.Application.Common.Interfaces;

/// <summary>Sign-in methods other than the password (linked providers, passkeys).</summary>
public interface ICredentialRepository
{
    /// <summary>Deletes every linked provider account and passkey of the user; returns how many.</summary>
    Task<int> RemoveExternalCredentialsAsync(string userId, CancellationToken cancellationToken);
}
