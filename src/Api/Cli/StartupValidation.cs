using Microsoft.Extensions.Options;

namespace FullAuth.Api.Cli;

/// <summary>Runs the startup validation (every <c>ValidateOnStart</c> section) and collects every failure message.</summary>
public static class StartupValidation
{
    /// <summary>
    /// For commands that need a valid configuration: true when it is valid; otherwise every problem is
    /// written to <paramref name="error"/> (secrets scrubbed) and the command should exit with <c>Problem</c>.
    /// </summary>
    public static bool Report(WebApplication app, TextWriter error)
    {
        var problems = new List<string>();
        if (Run(app.Services, problems))
        {
            return true;
        }

        error.WriteLine(new SecretScrubber(app.Configuration).Scrub($"The configuration is invalid ({problems.Count} problem(s)):\n  - " + string.Join("\n  - ", problems)));
        return false;
    }

    /// <summary>True when every section is valid; otherwise the failures (which name the setting and the fix) are added.</summary>
    public static bool Run(IServiceProvider services, List<string> problems)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            problems.AddRange(ex.Failures);
        }
        catch (AggregateException ex)
        {
            foreach (var inner in ex.Flatten().InnerExceptions)
            {
                if (inner is OptionsValidationException validation)
                {
                    problems.AddRange(validation.Failures);
                }
                else
                {
                    problems.Add(inner.Message);
                }
            }
        }

        return false;
    }
}
