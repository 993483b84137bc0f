using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Ops;

/// <summary>The <c>FullAuth</c> meter and activity source record what happens (other tests run in parallel: counts are lower bounds, filtered by tags).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task SignInFailureRefreshReuse_AreCountedAndTraced()
    {
        var measurements = new ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "FullAuth")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            measurements.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var activities = new ConcurrentQueue<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "FullAuth",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(activityListener);

        using var factory = new FullAuthFactory();
        var client = factory.CreateClient();
        var email = ApiClient.NewEmail("telemetry");
        await client.RegisterAsync(email);
        var login = await (await client.LoginAsync(email)).JsonAsync();
        (await client.LoginAsync(email, "a wrong password for telemetry")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var refresh = login["refresh_token"]!.GetValue<string>();
        (await client.RefreshAsync(refresh)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.RefreshAsync(refresh)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        bool Has(string instrument, params (string Key, string Value)[] tags) =>
            measurements.Any(m => m.Instrument == instrument && tags.All(t => Equals(m.Tags.GetValueOrDefault(t.Key), t.Value)));
        Has("fullauth.sign_ins", ("method", "pwd"), ("outcome", "success")).Should().BeTrue();
        Has("fullauth.sign_ins", ("method", "pwd"), ("outcome", "invalid_credentials")).Should().BeTrue();
        Has("fullauth.refreshes", ("outcome", "success")).Should().BeTrue();
        Has("fullauth.refreshes", ("outcome", "reuse")).Should().BeTrue();
        Has("fullauth.refresh.reuse_detections").Should().BeTrue();
        activities.Should().Contain(a => a.OperationName == "LoginCommand" && (string?)a.GetTagItem("fullauth.outcome") == "invalid_credentials");
        activities.Should().Contain(a => a.OperationName == "RefreshCommand" && (string?)a.GetTagItem("fullauth.outcome") == "success");
    }
}
