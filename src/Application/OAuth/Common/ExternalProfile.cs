using FullAuth.Application.Common.Validation;
using FullAuth.Domain.Users;

namespace FullAuth.Application.OAuth.Common;

/// <summary>Keeps only provider profile values that pass the contract's input rules.</summary>
public static class ExternalProfile
{
    public static string? Email(string? email)
    {
        var trimmed = email?.Trim();
        return trimmed is not null && EmailAddress.IsValid(trimmed) ? EmailAddress.Normalize(trimmed) : null;
    }

    public static string? Name(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Any(char.IsControl))
        {
            return null;
        }

        return trimmed.Length <= ValidationRules.NameMaxLength ? trimmed : trimmed[..ValidationRules.NameMaxLength].TrimEnd();
    }

    public static string? Image(string? image) =>
        image is { Length: <= ValidationRules.ImageMaxLength } &&
        Uri.TryCreate(image, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? image
            : null;
}
