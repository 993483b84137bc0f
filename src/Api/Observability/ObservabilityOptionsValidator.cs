using Microsoft.Extensions.Options;

namespace FullAuth.Api.Observability;

/// <summary>Startup checks for <c>FullAuth:Otlp</c>; each message names the setting and the fix.</summary>
public sealed class ObservabilityOptionsValidator : IValidateOptions<OtlpOptions>
{
    public ValidateOptionsResult Validate(string? name, OtlpOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Endpoint)
            && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"FullAuth:Otlp:Endpoint '{options.Endpoint}' is not an absolute http(s) URL. Set it to the collector, e.g. http://otel-collector:4317, or remove it to turn export off.");
        }

        if (options.Protocol is not ("grpc" or "http/protobuf"))
        {
            failures.Add($"FullAuth:Otlp:Protocol '{options.Protocol}' is not supported. Use grpc or http/protobuf.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add("FullAuth:Otlp:ServiceName is empty. Remove it (default fullauth) or name the service.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
