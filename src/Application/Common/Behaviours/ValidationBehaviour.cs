using System.Text.Json;
using FluentValidation;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Common.Behaviours;

/// <summary>Runs the message's validators; failures become 400 <c>validation_failed</c> naming each field in snake_case.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IResultFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        Dictionary<string, List<string>>? errors = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in result.Errors)
            {
                errors ??= [];
                var field = FieldName(failure.PropertyName);
                if (!errors.TryGetValue(field, out var list))
                {
                    errors[field] = list = [];
                }

                list.Add(failure.ErrorMessage);
            }
        }

        if (errors is null)
        {
            return await next(message, cancellationToken);
        }

        return TResponse.Failure(Error.Validation(errors.ToDictionary(e => e.Key, e => e.Value.Distinct().ToArray())));
    }

    /// <summary>"NewPassword" → "new_password"; a nested "Credential.Id" → "credential.id".</summary>
    public static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName)
            ? "body"
            : string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));
}
