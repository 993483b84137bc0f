using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Email;

/// <summary>
/// Renders mails from built-in templates, each part overridable by a file in <c>Email:TemplatesPath</c>
/// named <c>{template}.subject.txt</c>, <c>{template}.txt</c> or <c>{template}.html</c> (template in
/// snake_case, e.g. <c>password_reset.html</c>). Placeholders: <c>{{product}}</c>, <c>{{greeting}}</c>,
/// <c>{{link}}</c>, <c>{{new_email}}</c>, <c>{{ip}}</c>, <c>{{user_agent}}</c>, <c>{{at}}</c>.
/// Values are HTML-encoded in the HTML part. Links are built from <c>Email:FrontendUrl</c> only.
/// </summary>
internal sealed class EmailComposer(IOptions<EmailOptions> options) : IEmailComposer
{
    private static readonly Dictionary<EmailTemplate, (string Subject, string[] Paragraphs)> BuiltIn = new()
    {
        [EmailTemplate.VerifyEmail] = ("Verify your email for {{product}}",
            ["{{greeting}}", "Confirm that this address is yours by opening this link:", "{{link}}", "The link works once and expires in 24 hours. If you did not sign up for {{product}}, ignore this mail."]),
        [EmailTemplate.PasswordReset] = ("Reset your {{product}} password",
            ["{{greeting}}", "Someone asked to reset the password of your {{product}} account. To choose a new password, open:", "{{link}}", "The link works once and expires in 15 minutes. If it was not you, ignore this mail: your password stays as it is."]),
        [EmailTemplate.AlreadyRegistered] = ("Someone tried to sign up with your address at {{product}}",
            ["{{greeting}}", "Someone tried to create a {{product}} account with this address, which already has one.", "If it was you and you forgot your password, reset it here:", "{{link}}", "If it was not you, ignore this mail; nothing changed."]),
        [EmailTemplate.EmailChangeConfirm] = ("Confirm your new email for {{product}}",
            ["Hello,", "Confirm that {{product}} should use this address from now on by opening:", "{{link}}", "The link works once and expires in 30 minutes. If you did not ask for this, ignore this mail."]),
        [EmailTemplate.EmailChangeNotice] = ("Your {{product}} email is being changed",
            ["{{greeting}}", "Someone asked to change the email of your {{product}} account to {{new_email}} on {{at}} from {{ip}} ({{user_agent}}).", "If it was not you, reset your password now and review your sessions."]),
        [EmailTemplate.EmailTaken] = ("Someone tried to use your address at {{product}}",
            ["Hello,", "Someone asked to move another {{product}} account to this address, which already has an account. Nothing changed.", "If it was not you, ignore this mail."]),
        [EmailTemplate.Invitation] = ("You are invited to {{product}}",
            ["Hello,", "An administrator created a {{product}} account for this address. Choose your password here:", "{{link}}", "The link works once and expires in 7 days."]),
        [EmailTemplate.MagicLink] = ("Your {{product}} sign-in link",
            ["{{greeting}}", "Open this link to sign in to {{product}}:", "{{link}}", "The link works once and expires soon. If you did not ask for it, ignore this mail: nobody can sign in without it."]),
        [EmailTemplate.PasswordChanged] = ("Your {{product}} password was changed",
            ["{{greeting}}", "The password of your {{product}} account was changed on {{at}} from {{ip}} ({{user_agent}}). Your other sessions were signed out.", "If it was not you, reset your password now."]),
        [EmailTemplate.MfaDisabled] = ("Two-factor authentication was turned off for {{product}}",
            ["{{greeting}}", "Two-factor authentication of your {{product}} account was turned off on {{at}} from {{ip}} ({{user_agent}}). Signing in now needs only your first factor.", "If it was not you, reset your password now, turn two-factor authentication back on and review your sessions."]),
        [EmailTemplate.RecoveryCodeUsed] = ("A recovery code was used to sign in to {{product}}",
            ["{{greeting}}", "A recovery code of your {{product}} account was used to sign in on {{at}} from {{ip}} ({{user_agent}}). That code no longer works.", "If it was not you, reset your password now, regenerate your recovery codes and review your sessions."]),
        [EmailTemplate.RecoveryCodesRegenerated] = ("New recovery codes for {{product}}",
            ["{{greeting}}", "New recovery codes were created for your {{product}} account on {{at}} from {{ip}} ({{user_agent}}). The old ones no longer work.", "If it was not you, reset your password now and review your sessions."]),
        [EmailTemplate.ProviderLinked] = ("A sign-in provider was linked to your {{product}} account",
            ["{{greeting}}", "A sign-in provider ({{provider}}) was linked to your {{product}} account on {{at}}. It can now be used to sign in.", "If it was not you, unlink it and change your password now."]),
        [EmailTemplate.PasskeyAdded] = ("A passkey was added to your {{product}} account",
            ["{{greeting}}", "A passkey ({{passkey}}) was added to your {{product}} account on {{at}} from {{ip}} ({{user_agent}}). It can now be used to sign in.", "If it was not you, remove it from your account's passkeys, change your password and review your sessions now."]),
    };

    public EmailMessage Compose(EmailTemplate template, string to, EmailModel model)
    {
        var settings = options.Value;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["product"] = settings.ProductName,
            ["greeting"] = string.IsNullOrWhiteSpace(model.Name) ? "Hello," : $"Hello {model.Name},",
            ["link"] = model.Link ?? string.Empty,
            ["new_email"] = model.NewEmail ?? string.Empty,
            ["provider"] = model.Provider ?? string.Empty,
            ["passkey"] = model.Passkey ?? string.Empty,
            ["ip"] = model.IpAddress ?? "an unknown address",
            ["user_agent"] = model.UserAgent ?? "unknown browser",
            ["at"] = (model.At ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
        };

        var (subject, paragraphs) = BuiltIn[template];
        var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(template.ToString());
        var subjectTemplate = Override(name + ".subject.txt")?.Trim() ?? subject;
        var textTemplate = Override(name + ".txt") ?? string.Join("\n\n", paragraphs) + "\n\n-- {{product}}\n";
        var htmlTemplate = Override(name + ".html") ?? Html(paragraphs);

        return new EmailMessage(
            to,
            Fill(subjectTemplate, values, html: false).ReplaceLineEndings(" "),
            Fill(htmlTemplate, values, html: true),
            Fill(textTemplate, values, html: false));
    }

    public string Link(string path, string token) =>
        options.Value.FrontendUrl.TrimEnd('/') + path + "?token=" + Uri.EscapeDataString(token);

    private string? Override(string file)
    {
        var folder = options.Value.TemplatesPath;
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        var path = Path.Combine(folder, file);
        return File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : null;
    }

    private static string Html(string[] paragraphs)
    {
        var body = new StringBuilder();
        foreach (var p in paragraphs)
        {
            body.Append(p == "{{link}}"
                ? "<p><a href=\"{{link}}\" style=\"font-weight:bold\">{{link}}</a></p>"
                : "<p>" + p + "</p>");
        }

        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">" + body + "<p style=\"color:#666\">{{product}}</p></body></html>";
    }

    private static string Fill(string template, Dictionary<string, string> values, bool html)
    {
        var result = new StringBuilder(template);
        foreach (var (key, value) in values)
        {
            result.Replace("{{" + key + "}}", html ? WebUtility.HtmlEncode(value) : value);
        }

        return result.ToString();
    }
}
