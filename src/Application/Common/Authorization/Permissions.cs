namespace FullAuth.Application.Common.Authorization;

/// <summary>The permissions FullAuth's own routes use. Applications define their own freely (<c>reports:read</c>).</summary>
public static class Permissions
{
    public const string RolesRead = "roles:read";
    public const string RolesWrite = "roles:write";
    public const string RolesAssign = "roles:assign";
    public const string UsersRead = "users:read";
    public const string UsersWrite = "users:write";
    public const string AuditRead = "audit:read";
    public const string TokensIntrospect = "tokens:introspect";
}
