using Digibank.Api.Data;
using Digibank.Api.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Digibank.Api.Courses;

public static class CourseTables
{
    extension(DigibankDbContext db)
    {
        public DbSet<Course> Courses => db.Set<Course>();

        public DbSet<CourseSession> CourseSessions => db.Set<CourseSession>();

        public DbSet<SignUp> SignUps => db.Set<SignUp>();

        public DbSet<SignUpChange> SignUpChanges => db.Set<SignUpChange>();
    }
}

internal sealed class CourseTablesModel :
    IEntityTypeConfiguration<Course>, IEntityTypeConfiguration<CourseSession>, IEntityTypeConfiguration<SignUp>, IEntityTypeConfiguration<SignUpChange>
{
    public void Configure(EntityTypeBuilder<Course> course)
    {
        course.StoredIn("Courses");
        course.HasIndex(c => new { c.RegionId, c.Status });
        course.HasIndex(c => new { c.PartnerId, c.ExternalId }).IsUnique();
        course.HasIndex(c => c.StartsAt);
        course.HasIndex(c => c.TitleKey);
        course.PrimitiveCollection(c => c.TargetGroups).ElementType().HasConversion<string>();
        // Topics are shared vocabulary and know no feature: the join is named here, with the columns it always had.
        course.HasMany(c => c.Topics).WithMany().UsingEntity(
            "CourseTopics",
            join => join.HasOne(typeof(Topic)).WithMany().HasForeignKey("TopicsId").OnDelete(DeleteBehavior.Cascade),
            join => join.HasOne(typeof(Course)).WithMany().HasForeignKey("CoursesId").OnDelete(DeleteBehavior.Cascade),
            join => join.HasKey("CoursesId", "TopicsId"));
        course.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        course.HasMany(c => c.SignUps).WithOne(s => s.Course).HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Cascade);
        course.HasOne(c => c.Partner).WithMany().OnDelete(DeleteBehavior.Restrict);
        course.HasOne(c => c.HelpPoint).WithMany().OnDelete(DeleteBehavior.SetNull);
        course.HasOne(c => c.Municipality).WithMany().OnDelete(DeleteBehavior.Restrict);
        course.HasMany<HeldCourse>().WithOne().HasForeignKey(c => c.CourseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CourseSession> session)
    {
        session.StoredIn("CourseSessions");
        session.HasIndex(s => new { s.CourseId, s.StartsAt });
    }

    public void Configure(EntityTypeBuilder<SignUp> signUp)
    {
        signUp.StoredIn("SignUps");
        signUp.HasIndex(s => s.RegionId);
        signUp.HasIndex(s => new { s.CourseId, s.Status });
        signUp.HasIndex(s => new { s.CourseId, s.ParticipantId });
        signUp.HasIndex(s => new { s.CourseId, s.ExternalId }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<SignUpChange> change)
    {
        change.StoredIn("SignUpChanges");
        change.HasIndex(c => new { c.PartnerId, c.Id });
    }
}
