namespace FullAuth.Application.Common.Interfaces;

/// <summary>
/// Runs work after the request has been answered, in its own DI scope. Used where the answer must not
/// depend on whether an account exists (same body and timing): the lookup and its side effects happen
/// here, so both cases cost the request the same. Failures are logged, never surfaced.
/// </summary>
public interface IBackgroundWork
{
    void Enqueue(string name, Func<IServiceProvider, CancellationToken, Task> work);
}
