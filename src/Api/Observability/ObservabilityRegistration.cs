using FullAuth.Application.Common.Observability;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FullAuth.Api.Observability;

/// <summary>
/// Console format (plain or JSON) and, when <c>FullAuth:Otlp:Endpoint</c> is set, OpenTelemetry export of
/// the <c>FullAuth</c> meter and activity source, ASP.NET Core's request spans and metrics, and logs.
/// </summary>
public static class ObservabilityRegistration
{
    public static WebApplicationBuilder AddFullAuthObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddOptions<LogOutputOptions>().BindConfiguration(LogOutputOptions.SectionName);
        builder.Services.AddOptions<OtlpOptions>().BindConfiguration(OtlpOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OtlpOptions>, ObservabilityOptionsValidator>();

        if (configuration.GetValue<bool>("FullAuth:Logging:Json") || configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }

        var otlp = configuration.GetSection(OtlpOptions.SectionName).Get<OtlpOptions>() ?? new OtlpOptions();
        if (string.IsNullOrWhiteSpace(otlp.Endpoint) || !Uri.TryCreate(otlp.Endpoint, UriKind.Absolute, out var endpoint))
        {
            return builder;
        }

        var protocol = otlp.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        void Configure(OtlpExporterOptions o, string signal)
        {
            // With http/protobuf the exporter posts to the URL as given: add the signal's path to a bare endpoint.
            o.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf && endpoint.AbsolutePath == "/"
                ? new Uri(endpoint, "v1/" + signal)
                : endpoint;
            o.Protocol = protocol;
            if (!string.IsNullOrWhiteSpace(otlp.Headers))
            {
                o.Headers = otlp.Headers;
            }
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(otlp.ServiceName))
            .WithTracing(t => t
                .AddSource(FullAuthTelemetry.Name, "Microsoft.AspNetCore")
                .AddOtlpExporter(o => Configure(o, "traces")))
            .WithMetrics(m => m
                .AddMeter(FullAuthTelemetry.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Diagnostics")
                .AddOtlpExporter(o => Configure(o, "metrics")))
            .WithLogging(l => l.AddOtlpExporter(o => Configure(o, "logs")));
        return builder;
    }
}
