using System.Security.Cryptography;

namespace FullAuth.Api.Cli;

/// <summary>
/// Commands of the same executable (<c>dotnet run --project src/Api -- COMMAND</c>). Returns null when
/// the arguments are not a command, so the API starts.
/// </summary>
public static class CommandLine
{
    public static int? TryRun(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        return args[0] switch
        {
            "secret" => Secret(args, output),
            "keys" => Keys(args, output, error),
            _ => null,
        };
    }

    private static int Secret(string[] args, TextWriter output)
    {
        if (args.Contains("--help"))
        {
            output.WriteLine("Usage: secret\n  Prints a new random 64-byte SecretKey (base64) for FullAuth__SecretKey.");
            return 0;
        }

        output.WriteLine(Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        return 0;
    }

    private static int Keys(string[] args, TextWriter output, TextWriter error)
    {
        const string usage = "Usage: keys generate --alg ES256|ES384|RS256|RS384|RS512|PS256 --out FILE\n  Writes a new PEM private key for FullAuth:Jwt:Keys.";
        if (args.Length < 2 || args[1] != "generate" || args.Contains("--help"))
        {
            (args.Contains("--help") ? output : error).WriteLine(usage);
            return args.Contains("--help") ? 0 : 2;
        }

        var alg = Option(args, "--alg");
        var outFile = Option(args, "--out");
        if (alg is null || outFile is null)
        {
            error.WriteLine(usage);
            return 2;
        }

        string pem;
        switch (alg)
        {
            case "ES256" or "ES384":
                using (var ec = ECDsa.Create(alg == "ES256" ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384))
                {
                    pem = ec.ExportPkcs8PrivateKeyPem();
                }

                break;
            case "RS256" or "RS384" or "RS512" or "PS256":
                using (var rsa = RSA.Create(3072))
                {
                    pem = rsa.ExportPkcs8PrivateKeyPem();
                }

                break;
            default:
                error.WriteLine($"Unsupported --alg '{alg}'. {usage}");
                return 2;
        }

        if (File.Exists(outFile))
        {
            error.WriteLine($"{outFile} exists; refusing to overwrite it.");
            return 1;
        }

        File.WriteAllText(outFile, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(outFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        output.WriteLine($"Wrote a {alg} private key to {outFile}. Set FullAuth__Jwt__Algorithm={alg} and FullAuth__Jwt__Keys__0__PrivateKeyPath={outFile}.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
