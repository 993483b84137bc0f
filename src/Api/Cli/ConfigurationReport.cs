using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FullAuth.Api.Cli;

/// <summary>
/// The resolved configuration as <c>FullAuth:Section:Key = value</c> lines: every options class with a
/// <c>SectionName</c> under <c>FullAuth</c>, bound from configuration with its defaults. Secrets are
/// masked (<c>***</c> when set, <c>(not set)</c> otherwise); passwords inside connection strings and
/// Redis URLs too.
/// </summary>
public static class ConfigurationReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IReadOnlyList<string> Lines(IConfiguration configuration)
    {
        var lines = new List<string>();
        foreach (var (section, type) in OptionsTypes())
        {
            object? bound;
            try
            {
                bound = configuration.GetSection(section).Get(type) ?? Activator.CreateInstance(type);
            }
            catch (InvalidOperationException ex)
            {
                lines.Add($"{section} = (unreadable: {ex.Message})");
                continue;
            }

            var node = JsonSerializer.SerializeToNode(bound, type, Json);
            Flatten(section, node, configuration, lines);
        }

        return lines;
    }

    /// <summary>Options classes: a <c>public const string SectionName</c> starting with <c>FullAuth</c>, in the FullAuth assemblies.</summary>
    public static IEnumerable<(string Section, Type Type)> OptionsTypes() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith(typeof(ConfigurationReport).Assembly.GetName().Name!.Split('.')[0], StringComparison.Ordinal) == true)
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(x => x.Field is { IsLiteral: true } && x.Field.GetRawConstantValue() is string s && s.StartsWith("FullAuth", StringComparison.Ordinal)
                && x.Type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(x => ((string)x.Field!.GetRawConstantValue()!, x.Type))
            .OrderBy(x => x.Item1, StringComparer.Ordinal);

    private static void Flatten(string path, JsonNode? node, IConfiguration configuration, List<string> lines)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Count == 0)
                {
                    lines.Add($"{path} = {{}}");
                }

                foreach (var (name, child) in obj)
                {
                    Flatten($"{path}:{name}", child, configuration, lines);
                }

                break;
            case JsonArray array:
                if (array.Count == 0)
                {
                    lines.Add($"{path} = []");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Flatten($"{path}:{i.ToString(CultureInfo.InvariantCulture)}", array[i], configuration, lines);
                }

                break;
            default:
                lines.Add($"{path} = {Display(path, node)}");
                break;
        }
    }

    private static string Display(string path, JsonNode? value)
    {
        if (value is null)
        {
            return "(not set)";
        }

        var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        if (SecretScrubber.IsSecretKey(path))
        {
            return string.IsNullOrEmpty(text) ? "(not set)" : SecretScrubber.Mask;
        }

        return SecretScrubber.MaskEmbedded(text)!;
    }
}
