using FullAuth.Application.Common.Results;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FullAuth.Api.Http;

/// <summary>
/// Binding failures (malformed JSON, wrong types, missing body) become 400 <c>validation_failed</c>
/// naming the field. Messages are ours: the framework's would leak .NET type names.
/// </summary>
public static class ModelStateProblems
{
    public static IActionResult Create(ActionContext context)
    {
        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
        return new ProblemResult(Error.Validation(ToFields(context.ModelState, bodyParameters)));
    }

    public static Dictionary<string, string[]> ToFields(ModelStateDictionary modelState, IReadOnlySet<string>? bodyParameters = null)
    {
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0)
            {
                continue;
            }

            var field = FieldName(key, bodyParameters);
            fields[field] = [field == "body" ? "The request body must be a JSON object." : "The value is not valid."];
        }

        // MVC also reports the whole parameter as invalid when one member is; the member is what matters.
        if (fields.Count > 1)
        {
            fields.Remove("body");
        }

        if (fields.Count == 0)
        {
            fields["body"] = ["The request body must be a JSON object."];
        }

        return fields;
    }

    /// <summary>"$.new_password" → "new_password"; "$", "" or the body parameter → "body"; a query parameter keeps its name.</summary>
    public static string FieldName(string key, IReadOnlySet<string>? bodyParameters = null)
    {
        if (key.Length > 0 && key[0] != '$' && bodyParameters is not null && !bodyParameters.Contains(key) && !key.Contains('.', StringComparison.Ordinal))
        {
            return key;
        }

        if (key.StartsWith("$.", StringComparison.Ordinal))
        {
            var path = key[2..];
            var bracket = path.IndexOf('[', StringComparison.Ordinal);
            return bracket > 0 ? path[..bracket] : path;
        }

        return "body";
    }
}
