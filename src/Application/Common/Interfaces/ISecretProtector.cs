namespace FullAuth.Application.Common.Interfaces;

/// <summary>
/// Encrypts secrets stored in the database (TOTP secrets) with a key ring every instance shares
/// (ASP.NET Data Protection: the key ring lives in the database, or in Redis when Redis is used).
/// </summary>
public interface ISecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}
