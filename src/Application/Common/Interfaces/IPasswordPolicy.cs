namespace FullAuth.Application.Common.Interfaces;

public interface IPasswordPolicy
{
    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    string? Check(string password);
}
