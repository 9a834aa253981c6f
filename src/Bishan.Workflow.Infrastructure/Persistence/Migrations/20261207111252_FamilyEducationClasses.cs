using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bishan.Workflow.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class FamilyEducationClasses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClassId",
                table: "FamilyEducationSessions",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FamilyEducationClasses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubCentreId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClassDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeldRecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyEducationClasses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyEducationClassInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReferralId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MemberId = table.Column<long>(type: "INTEGER", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    AttendanceNote = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyEducationClassInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyEducationClassReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClassId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClassDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyEducationClassReminders", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationSessions_ClassId_ReferralId",
                table: "FamilyEducationSessions",
                columns: new[] { "ClassId", "ReferralId" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationClasses_Status_ClassDate",
                table: "FamilyEducationClasses",
                columns: new[] { "Status", "ClassDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationClasses_SubCentreId_ClassDate",
                table: "FamilyEducationClasses",
                columns: new[] { "SubCentreId", "ClassDate" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationClassInvitations_ClassId_MemberId",
                table: "FamilyEducationClassInvitations",
                columns: new[] { "ClassId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationClassInvitations_ReferralId",
                table: "FamilyEducationClassInvitations",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyEducationClassReminders_ClassId_CaseId_ClassDate",
                table: "FamilyEducationClassReminders",
                columns: new[] { "ClassId", "CaseId", "ClassDate" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FamilyEducationClasses");

            migrationBuilder.DropTable(
                name: "FamilyEducationClassInvitations");

            migrationBuilder.DropTable(
                name: "FamilyEducationClassReminders");

            migrationBuilder.DropIndex(
                name: "IX_FamilyEducationSessions_ClassId_ReferralId",
                table: "FamilyEducationSessions");

            migrationBuilder.DropColumn(
                name: "ClassId",
                table: "FamilyEducationSessions");
        }
    }
}
