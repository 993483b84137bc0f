using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using FullAuth.Bench;
using FullAuth.Infrastructure.Security;

// hashrate: the raw rate of FullAuth's own Argon2id (19 MiB, t=2, p=1) on every core, no HTTP.
if (args.Length > 0 && args[0] == "hashrate")
{
    var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    var algorithm = new Argon2idAlgorithm();
    var hash = algorithm.Hash("correct horse battery staple");
    var stop = Stopwatch.StartNew();
    var count = 0L;
    var workers = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => Task.Run(() =>
    {
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            algorithm.Verify("correct horse battery staple", hash);
            Interlocked.Increment(ref count);
        }
    })).ToArray();
    await Task.WhenAll(workers);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"hashes_per_second\":{count / stop.Elapsed.TotalSeconds:0.0},\"threads\":{Environment.ProcessorCount}}}"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(TokenBenchmarks).Assembly).Run(args.Length > 0 && args[0] == "micro" ? args[1..] : args);
return 0;
