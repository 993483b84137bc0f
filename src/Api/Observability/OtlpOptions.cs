namespace FullAuth.Api.Observability;

/// <summary><c>FullAuth:Otlp</c>: OpenTelemetry export of traces, metrics and logs; off while <see cref="Endpoint"/> is unset.</summary>
public sealed class OtlpOptions
{
    public const string SectionName = "FullAuth:Otlp";

    /// <summary>The collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c> (HTTP).</summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    public string ServiceName { get; set; } = "fullauth";

    /// <summary>Optional headers, <c>key=value</c> pairs separated by commas (e.g. an API key for a hosted collector).</summary>
    public string? Headers { get; set; }
}
