// A separate API that trusts FullAuth's access tokens: it only needs FullAuth's URL.
// AddJwtBearer reads {Authority}/.well-known/openid-configuration, then the JWKS it names, and
// validates signature, issuer, audience, lifetime and typ (at+jwt). FullAuth must sign with an
// asymmetric algorithm (RS*/PS*/ES*) and have Jwt:Issuer set to its own absolute URL.
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

var builder = WebApplication.CreateBuilder(args);
var authority = builder.Configuration["FullAuth:Authority"] ?? "http://localhost:5080";
var audience = builder.Configuration["FullAuth:Audience"] ?? "fullauth";

builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.Authority = authority;
        options.Audience = audience;
        options.MapInboundClaims = false;
        // Plain http only for a FullAuth on this machine (development and tests).
        options.RequireHttpsMetadata = !(new Uri(authority).IsLoopback);
        options.TokenValidationParameters.ValidTypes = ["at+jwt", "application/at+jwt"];
        options.TokenValidationParameters.NameClaimType = "sub";
        options.TokenValidationParameters.RoleClaimType = "roles";
    });
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => "FullAuth sample resource server");

app.MapGet("/api/notes", (ClaimsPrincipal user) => Results.Ok(new
{
    owner = user.FindFirstValue("sub"),
    email = user.FindFirstValue("email"),
    notes = new[] { "Tokens from FullAuth work here." },
})).RequireAuthorization();

// Roles are a snapshot taken when the token was issued; call FullAuth's /token/introspect when a
// change must count at once.
app.MapGet("/api/admin", () => Results.Ok(new { admin = true }))
    .RequireAuthorization(policy => policy.RequireRole("admin"));

app.Run();
