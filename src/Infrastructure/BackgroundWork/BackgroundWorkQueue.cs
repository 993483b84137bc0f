using System.Threading.Channels;
using FullAuth.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FullAuth.Infrastructure.BackgroundWork;

/// <summary>An in-process queue of deferred work, run one item at a time, each in its own scope.</summary>
internal sealed class BackgroundWorkQueue(IServiceScopeFactory scopes, ILoggerFactory loggerFactory) : BackgroundService, IBackgroundWork
{
    private readonly Channel<(string Name, Func<IServiceProvider, CancellationToken, Task> Work)> _queue =
        Channel.CreateUnbounded<(string, Func<IServiceProvider, CancellationToken, Task>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ILogger _logger = loggerFactory.CreateLogger("FullAuth.BackgroundWork");

    public void Enqueue(string name, Func<IServiceProvider, CancellationToken, Task> work) => _queue.Writer.TryWrite((name, work));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (name, work) in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await work(scope.ServiceProvider, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    _logger.LogError(ex, "Background work {Name} failed", name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
