using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Security;
using FullAuth.Domain.Common;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Users;
using FullAuth.Infrastructure.Persistence;

namespace FullAuth.Api.Cli;

/// <summary>
/// <c>create-admin --email E</c>: creates the account (or promotes an existing one), gives it the built-in
/// <c>admin</c> role, marks the email verified and audits it as <c>admin.cli</c>. The password comes from
/// stdin (<c>--password-stdin</c>) or is generated and printed once; either way it must pass the policy.
/// </summary>
public static class CreateAdminCommand
{
    public const string AuditAction = "admin.cli";

    public const string Help = """
        Usage: create-admin --email E [--name N] [--password-stdin] [--Key=Value ...]
          Creates an administrator (role admin, email verified), or promotes an existing account.
          --email E          the account's address
          --name N           display name for a new account
          --password-stdin   read the password from the first line of stdin (e.g. `echo "$PW" | ... --password-stdin`);
                             without it a new account gets a generated password, printed once; an existing
                             account keeps its password
          Exit codes: 0 done, 1 a problem (printed with its fix), 2 usage.
        """;

    public static async Task<int> RunAsync(string[] args, Func<WebApplication> build, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Contains("--help"))
        {
            output.WriteLine(Help);
            return HostCommands.Ok;
        }

        var parsed = Parse(args);
        if (parsed is null)
        {
            error.WriteLine(Help);
            return HostCommands.Usage;
        }

        var (email, name, passwordFromStdin) = parsed.Value;
        if (!EmailAddress.IsValid(email))
        {
            error.WriteLine($"--email '{email}' is not a valid email address.");
            return HostCommands.Usage;
        }

        string? password = null;
        if (passwordFromStdin)
        {
            password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n');
            if (string.IsNullOrEmpty(password))
            {
                error.WriteLine("--password-stdin: stdin held no password. Pipe it in: echo \"$PASSWORD\" | ... create-admin --email E --password-stdin");
                return HostCommands.Problem;
            }
        }

        await using var app = build();
        if (!StartupValidation.Report(app, error))
        {
            return HostCommands.Problem;
        }

        try
        {
            await DatabaseInitializer.InitializeAsync(app.Services, cancellationToken);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var users = services.GetRequiredService<IUserRepository>();
            var policy = services.GetRequiredService<IPasswordPolicy>();
            var time = services.GetRequiredService<TimeProvider>();
            var now = time.GetUtcNow();

            if (await services.GetRequiredService<IRoleRepository>().FindAsync(Role.Admin, cancellationToken) is null)
            {
                error.WriteLine("The built-in admin role does not exist: the database is not migrated. Run `migrate` (or set FullAuth__Database__AutoMigrate=true) first.");
                return HostCommands.Problem;
            }

            var user = await users.FindByEmailAsync(EmailAddress.Normalize(email), cancellationToken);
            var created = user is null;
            var generated = false;
            if (created && password is null)
            {
                password = Generate(policy);
                generated = true;
            }

            if (password is not null && policy.Check(password) is { } refusal)
            {
                error.WriteLine($"The password is refused: {refusal} Choose another (FullAuth:Password sets the rules).");
                return HostCommands.Problem;
            }

            if (created)
            {
                user = new User(Ids.New(), email, name, now);
                users.Add(user);
            }

            if (password is not null)
            {
                user!.SetPasswordHash(await services.GetRequiredService<IPasswordHasher>().HashAsync(password, cancellationToken), now);
            }

            user!.AddRole(Role.Admin, now);
            if (!user.EmailVerified)
            {
                user.MarkEmailVerified(now);
            }

            if (!user.IsActive)
            {
                user.SetActive(true, now);
            }

            var audit = services.GetRequiredService<IAuditTrail>();
            audit.Record(null, AuditAction, user.Id, null, created ? "created by the command line" : "promoted by the command line");
            await services.GetRequiredService<IUnitOfWork>().SaveChangesAsync(cancellationToken);
            await audit.PublishAsync(cancellationToken);

            output.WriteLine(created
                ? $"Created the administrator {user.Email} (id {user.Id})."
                : $"{user.Email} (id {user.Id}) is now an administrator{(password is null ? "; the password is unchanged" : "; the password was replaced")}.");
            if (generated)
            {
                output.WriteLine($"Password (shown once; change it after signing in): {password}");
            }

            return HostCommands.Ok;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error.WriteLine(new SecretScrubber(app.Configuration).Scrub($"create-admin failed ({ex.GetType().Name}: {ex.Message}). Run `check` to see what is wrong with the configuration or the database."));
            return HostCommands.Problem;
        }
    }

    private static (string Email, string? Name, bool PasswordFromStdin)? Parse(string[] args)
    {
        string? email = null;
        string? name = null;
        var stdin = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--email" when i + 1 < args.Length:
                    email = args[++i];
                    break;
                case "--name" when i + 1 < args.Length:
                    name = args[++i];
                    break;
                case "--password-stdin":
                    stdin = true;
                    break;
                default:
                    return null;
            }
        }

        return email is null ? null : (email, name, stdin);
    }

    /// <summary>24 random URL-safe characters (144 bits), retried in the unlikely case the policy refuses it.</summary>
    private static string Generate(IPasswordPolicy policy)
    {
        while (true)
        {
            var candidate = OpaqueToken.Create(18);
            if (policy.Check(candidate) is null)
            {
                return candidate;
            }
        }
    }
}
