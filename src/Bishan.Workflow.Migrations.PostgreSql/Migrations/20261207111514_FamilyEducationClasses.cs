using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Bishan.Workflow.Migrations.PostgreSql.Migrations
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
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FamilyEducationClasses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubCentreId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClassDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StartTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CancelReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HeldRecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyEducationClasses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyEducationClassInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClassId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReferralId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MemberId = table.Column<long>(type: "bigint", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    AttendanceNote = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyEducationClassInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FamilyEducationClassReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClassId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ClassDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
