namespace FullAuth.Infrastructure.Security;

/// <summary>One password-hash algorithm, recognising its own encoded hashes.</summary>
internal interface IPasswordHashAlgorithm
{
    string Name { get; }

    bool Recognizes(string hash);

    string Hash(string password);

    /// <summary>Whether the password matches, and whether the hash was made with older parameters.</summary>
    (bool Valid, bool Outdated) Verify(string password, string hash);
}
