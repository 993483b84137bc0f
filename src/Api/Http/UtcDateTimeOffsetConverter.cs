using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FullAuth.Api.Http;

/// <summary>Writes instants as ISO 8601 UTC (<c>2026-01-02T03:04:05.0000000Z</c>).</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
}
