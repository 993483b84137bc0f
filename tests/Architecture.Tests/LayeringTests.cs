using System.Reflection;
using NetArchTest.Rules;

namespace FullAuth.Architecture.Tests;

/// <summary>Dependencies point inwards: Domain ← Application ← Infrastructure ← Api.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(FullAuth.Domain.Users.User).Assembly;
    private static readonly Assembly Application = typeof(FullAuth.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(FullAuth.Infrastructure.DependencyInjection).Assembly;

    [Fact]
    public void Domain_ReferencesNoOtherLayerOrFramework()
    {
        var result = Types.InAssembly(Domain).Should()
            .NotHaveDependencyOnAny("FullAuth.Application", "FullAuth.Infrastructure", "FullAuth.Api", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Mediator", "FluentValidation", "StackExchange.Redis")
            .GetResult();
        result.IsSuccessful.Should().BeTrue(Describe(result));
        Domain.GetReferencedAssemblies().Select(a => a.Name).Should().OnlyContain(n => n == "System.Runtime" || n!.StartsWith("System.", StringComparison.Ordinal) || n == "netstandard");
    }

    [Fact]
    public void Application_DoesNotReferenceInfrastructureApiEfCoreAspNetCoreOrRedis()
    {
        var result = Types.InAssembly(Application).Should()
            .NotHaveDependencyOnAny("FullAuth.Infrastructure", "FullAuth.Api", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "StackExchange.Redis", "Npgsql", "Microsoft.Data")
            .GetResult();
        result.IsSuccessful.Should().BeTrue(Describe(result));
        Application.GetReferencedAssemblies().Select(a => a.Name).Should()
            .NotContain(n => n!.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("StackExchange", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_DoesNotReferenceApi()
    {
        var result = Types.InAssembly(Infrastructure).Should().NotHaveDependencyOn("FullAuth.Api").GetResult();
        result.IsSuccessful.Should().BeTrue(Describe(result));
    }

    [Fact]
    public void Handlers_DependOnlyOnApplicationAndDomainAbstractions()
    {
        var result = Types.InAssembly(Application).That().HaveNameEndingWith("Handler").Should()
            .NotHaveDependencyOnAny("FullAuth.Infrastructure", "System.Net.Http", "System.IO.File")
            .And().BeSealed()
            .GetResult();
        result.IsSuccessful.Should().BeTrue(Describe(result));
    }

    [Fact]
    public void Controllers_DoNotTouchPersistence()
    {
        var result = Types.InAssembly(typeof(FullAuth.Api.Controllers.ApiControllerBase).Assembly).That().HaveNameEndingWith("Controller").Should()
            .NotHaveDependencyOnAny("Microsoft.EntityFrameworkCore", "FullAuth.Infrastructure.Persistence")
            .GetResult();
        result.IsSuccessful.Should().BeTrue(Describe(result));
    }

    [Fact]
    public void UseCaseMessages_AreSealedRecordsWithHandlers()
    {
        var messages = Application.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(Mediator.ICommand<>) || i.GetGenericTypeDefinition() == typeof(Mediator.IQuery<>))))
            .ToList();
        messages.Should().NotBeEmpty();
        var handlerTypes = Application.GetTypes().Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal)).Select(t => t.Name).ToHashSet();
        foreach (var message in messages)
        {
            message.IsSealed.Should().BeTrue($"{message.Name} should be sealed");
            handlerTypes.Should().Contain(message.Name + "Handler", $"{message.Name} lives in a use-case folder with its handler");
        }
    }

    private static string Describe(NetArchTest.Rules.TestResult result) =>
        "offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
