using FullAuth.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FullAuth.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasMaxLength(64);
        builder.Property(u => u.Email).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.HasIndex(u => u.Email).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Image).HasMaxLength(2048);
        builder.Property(u => u.PasswordHash).HasMaxLength(256);
        builder.Property(u => u.TotpSecret).HasMaxLength(1024);
        builder.Property(u => u.PendingTotpSecret).HasMaxLength(1024);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Ignore(u => u.HasPassword);
        builder.Ignore(u => u.RoleNames);
        builder.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Roles).HasField("_roles").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class UserRoleConfiguration : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> builder)
    {
        builder.ToTable("UserRoles");
        builder.HasKey(r => new { r.UserId, r.RoleName });
        builder.Property(r => r.UserId).HasMaxLength(64);
        builder.Property(r => r.RoleName).HasMaxLength(100);
        builder.HasIndex(r => r.RoleName);
        builder.HasOne<FullAuth.Domain.Roles.Role>().WithMany().HasForeignKey(r => r.RoleName).OnDelete(DeleteBehavior.Cascade);
    }
}
