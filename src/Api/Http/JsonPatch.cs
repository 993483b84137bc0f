using System.Text.Json;
using FullAuth.Domain.Common;

namespace FullAuth.Api.Http;

/// <summary>Reads PATCH members: absent → unchanged, <c>null</c> → clear, a wrong type → a field error.</summary>
public static class JsonPatch
{
    public static Optional<string?> Text(JsonElement body, string member, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(member, out var value))
        {
            return Optional<string?>.Absent;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return Optional<string?>.Of(null);
            case JsonValueKind.String:
                return Optional<string?>.Of(value.GetString());
            default:
                errors[member] = ["The value must be a string or null."];
                return Optional<string?>.Absent;
        }
    }

    public static Optional<bool> Flag(JsonElement body, string member, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(member, out var value))
        {
            return Optional<bool>.Absent;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return Optional<bool>.Of(value.GetBoolean());
        }

        errors[member] = ["The value must be true or false."];
        return Optional<bool>.Absent;
    }
}
