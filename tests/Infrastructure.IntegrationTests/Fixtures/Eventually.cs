using System.Diagnostics;

namespace FullAuth.Tests.Fixtures;

internal static class Eventually
{
    /// <summary>Retries <paramref name="action"/> until it stops throwing, or rethrows its last failure after <paramref name="timeout"/>.</summary>
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> action, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception) when (clock.Elapsed < timeout)
            {
                await Task.Delay(200);
            }
        }
    }
}
