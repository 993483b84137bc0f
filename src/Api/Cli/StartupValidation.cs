using Microsoft.Extensions.Options;

namespace FullAuth.Api.Cli;

/// <summary>Runs the startup validation (every <c>ValidateOnStart</c> section) and collects every failure message.</summary>
public static class StartupValidation
{
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
