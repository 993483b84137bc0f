using System.Text;
using System.Text.Json;

namespace FullAuth.Infrastructure.Passkeys.WebAuthn;

/// <summary>
/// <c>clientDataJSON</c> (spec §5.8.1), parsed as real JSON: any key order, unknown members, escaped
/// slashes, a leading BOM and pretty-printing are accepted; duplicate members and invalid UTF-8 are not.
/// The hash is always taken over <see cref="Raw"/>, the bytes as received.
/// </summary>
internal sealed record ClientData(byte[] Raw, string Type, string Challenge, string Origin, bool CrossOrigin, string? TopOrigin, string? TokenBindingStatus)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false, MaxDepth = 16 };

    public static ClientData Parse(byte[] raw)
    {
        var span = raw.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(span);
        }
        catch (DecoderFallbackException)
        {
            throw WebAuthnCheckFailed.At("clientData", "clientDataJSON is not valid UTF-8");
        }

        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw WebAuthnCheckFailed.At("clientData", "clientDataJSON is not a JSON object");
            }

            var type = String(root, "type", "clientData.type");
            var challenge = String(root, "challenge", "clientData.challenge");
            var origin = String(root, "origin", "clientData.origin");
            var crossOrigin = false;
            if (root.TryGetProperty("crossOrigin", out var cross))
            {
                crossOrigin = cross.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw WebAuthnCheckFailed.At("clientData.crossOrigin", "crossOrigin is not a boolean"),
                };
            }

            string? topOrigin = null;
            if (root.TryGetProperty("topOrigin", out var top))
            {
                topOrigin = top.ValueKind == JsonValueKind.String
                    ? top.GetString()
                    : throw WebAuthnCheckFailed.At("clientData.topOrigin", "topOrigin is not a string");
            }

            string? tokenBinding = null;
            if (root.TryGetProperty("tokenBinding", out var binding))
            {
                tokenBinding = binding.ValueKind == JsonValueKind.Object && binding.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                    ? status.GetString()
                    : throw WebAuthnCheckFailed.At("clientData.tokenBinding", "tokenBinding has no status");
            }

            return new ClientData(raw, type, challenge, origin, crossOrigin, topOrigin, tokenBinding);
        }
        catch (JsonException ex)
        {
            throw WebAuthnCheckFailed.At("clientData", "clientDataJSON is not valid JSON: " + ex.Message);
        }
    }

    private static string String(JsonElement root, string name, string check) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw WebAuthnCheckFailed.At(check, $"clientDataJSON has no string '{name}'");
}
